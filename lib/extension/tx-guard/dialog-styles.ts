// Styles of the guard's shadow-root UI. `:host { all: initial }` plus inline !important position on
// the host keep page stylesheets out; nothing here depends on the page.
export const HOST_STYLE = 'all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important;';


export const DIALOG_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.backdrop { position: fixed; inset: 0; background: rgba(10, 12, 20, .55); display: flex; align-items: center; justify-content: center; }
.dialog { background: #fff; color: #111; width: min(560px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; border-radius: 12px; padding: 20px; box-shadow: 0 12px 40px rgba(0,0,0,.35); font-size: 14px; line-height: 1.45; }
h2 { font-size: 17px; margin: 0 0 4px; }
h3 { font-size: 13px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #555; }
.muted { color: #555; font-size: 12px; }
.mono { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
ul { margin: 0; padding-left: 18px; }
li { margin: 2px 0; }
.grade { display: inline-block; padding: 2px 8px; border-radius: 10px; font-weight: 600; font-size: 12px; }
.grade.low { background: #d8f5e0; color: #145c2c; } .grade.medium { background: #fff0c2; color: #6b4b00; }
.grade.high { background: #ffd9d6; color: #8a1010; } .grade.unknown { background: #e6e6ea; color: #333; }
.call + .call { border-top: 1px solid #ddd; margin-top: 14px; padding-top: 10px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; align-items: center; flex-wrap: wrap; }
.actions label { margin-right: auto; font-size: 13px; }
button { font-size: 14px; padding: 8px 16px; border-radius: 8px; border: 1px solid #888; background: #f4f4f6; color: #111; cursor: pointer; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.notice { background: #222; color: #fff; padding: 10px 14px; border-radius: 8px; font-size: 13px; max-width: 360px; box-shadow: 0 6px 20px rgba(0,0,0,.3); }
`;
