/** Whether `timeZone` is an IANA zone this runtime knows (e.g. `Asia/Tokyo`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
