export function validateName(value: string): string | null {
  return value.trim() ? null : 'Enter the full name';
}

export function validateEmail(value: string): string | null {
  return /^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address';
}

/** Optional text inputs are sent only when filled in, so the server never sees empty strings. */
export function optionalText<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}
