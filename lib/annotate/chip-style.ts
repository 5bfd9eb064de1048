// Styles of the chip and the page notice, inside closed shadow roots. The host element gets an
// inline `all: initial !important` so page rules cannot restyle or hide it by accident, and the
// shadow content starts from `all: initial`, so no inherited page font or color leaks in.
export const HOST_STYLE = 'all: initial !important; display: inline-block !important; position: relative !important; vertical-align: middle !important;';
export const NOTICE_HOST_STYLE = 'all: initial !important; position: fixed !important; right: 0 !important; bottom: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; overflow: visible !important;';

export const CHIP_CSS = `
.chip { all: initial; display: inline-block; position: relative; margin-left: 4px; font: 600 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif; }
.badge { all: initial; display: inline-block; cursor: pointer; padding: 0 6px; border-radius: 8px; font: inherit; color: #fff; background: var(--c, #5f6368); user-select: none; -webkit-user-select: none; white-space: nowrap; }
.badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.chip[data-grade="high"] { --c: #c5221f; } .chip[data-grade="medium"] { --c: #a05a00; } .chip[data-grade="low"] { --c: #188038; } .chip[data-grade="unknown"] { --c: #5f6368; }
.tip { all: initial; display: block; position: absolute; z-index: 2147483647; top: calc(100% + 4px); left: 0; width: 340px; max-height: 360px; overflow: auto; box-sizing: border-box; padding: 8px 10px; background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); font: 400 12px/16px system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left; white-space: normal; }
.tip[hidden] { display: none; }
.title { display: block; font-weight: 600; margin-bottom: 4px; }
ul { display: block; margin: 4px 0 0; padding: 0 0 0 16px; }
li { display: list-item; margin: 0 0 6px; }
.g { font-weight: 600; }
a { color: #1a0dab; text-decoration: underline; word-break: break-all; }
.ev { display: block; color: #5f6368; font-size: 11px; }
.notice { all: initial; position: fixed; right: 16px; bottom: 16px; max-width: 360px; box-sizing: border-box; padding: 10px 12px; background: #fff8e1; color: #202124; border: 1px solid #f29900; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.25); font: 400 13px/18px system-ui, -apple-system, "Segoe UI", sans-serif; }
.close { all: initial; cursor: pointer; float: right; margin-left: 8px; font: 600 14px/18px system-ui, sans-serif; color: #5f6368; }
.close:focus-visible { outline: 2px solid #1a73e8; }
`;
