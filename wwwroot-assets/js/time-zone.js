// The browser's time zone (an IANA name such as "Europe/Berlin"), for showing times the way the user reads a clock.
export function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
