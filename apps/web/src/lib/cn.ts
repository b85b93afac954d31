/** Joins class names, skipping falsy parts. Callers avoid passing conflicting utilities. */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
