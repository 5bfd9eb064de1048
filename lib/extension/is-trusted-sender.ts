// Only this extension's own pages may use the trusted channel. A content script shares our
// runtime id but runs at the page's URL, so the URL check is what refuses it (uBlock Origin /
// Rabby do the same). Pages opened as tabs (e.g. popup.html in e2e) are still extension pages.
export interface SenderLike {
  id?: string;
  url?: string;
}

export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
}

export function isTrustedSender(sender: SenderLike, runtime: RuntimeLike): boolean {
  if (!sender.id || sender.id !== runtime.id) return false;
  if (typeof sender.url !== 'string') return false;
  const origin = runtime.getURL('/');
  return sender.url.startsWith(origin);
}
