const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** `date` in a container (TZ=UTC): default `Mon Jan  5 09:00:00 UTC 2026`, or a strftime format. */
export function formatDate(ms: number, fmt?: string): string {
  const d = new Date(ms);
  const f = fmt ?? '%a %b %e %H:%M:%S %Z %Y';
  return f.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'y':
        return p2(d.getUTCFullYear() % 100);
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2, ' ');
      case 'H':
        return p2(d.getUTCHours());
      case 'M':
        return p2(d.getUTCMinutes());
      case 'S':
        return p2(d.getUTCSeconds());
      case 's':
        return String(Math.floor(ms / 1000));
      case 'N':
        return String((ms % 1000) * 1_000_000).padStart(9, '0');
      case 'a':
        return DAYS[d.getUTCDay()];
      case 'b':
        return MONTHS[d.getUTCMonth()];
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 'T':
        return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'F':
        return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  });
}

/** nginx's $time_local: `05/Jan/2026:09:00:00 +0000`. */
export function nginxTime(ms: number): string {
  return formatDate(ms, '%d/%b/%Y:%H:%M:%S +0000');
}
