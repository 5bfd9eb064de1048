// Notification ids (notificationFor) -> the page a click opens: one alert opens the popup page
// focused on it (`popup.html#alert=<id>`), a group opens the inbox (`popup.html#alerts`).
export function alertPagePath(notificationId: string): string | null {
  if (notificationId.startsWith('alert:')) return `/popup.html#alert=${encodeURIComponent(notificationId.slice('alert:'.length))}`;
  if (notificationId.startsWith('alerts:')) return '/popup.html#alerts';
  return null;
}

/** The alert id a popup URL hash asks to focus, if any. */
export function focusedAlertId(hash: string): string | null {
  const m = /^#alert=(.+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}
