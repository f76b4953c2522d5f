// The one cookie the API sets: the session token, httpOnly (no script reads it) and
// SameSite=Strict (no other site's page sends it), so a CSRF token is needed only as a second
// line of defence. Parsing is limited to what a browser sends: `name=value; name=value`.
export const sessionCookie = 'fd_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookieHeader(token: string, secure: boolean): string {
  return `${sessionCookie}=${token}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${sessionCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`;
}
