/**
 * A function of a text, worked out once per text: offices repeat the same labels, headers and indicator values
 * across thousands of cells and many forms. The cache is bounded (cleared when full) so a huge sheet of unique
 * texts cannot grow it without end.
 */
export function oncePerText<T>(compute: (text: string) => T, limit = 5000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    const value = compute(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
