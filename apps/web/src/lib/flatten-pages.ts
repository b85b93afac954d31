/** Every loaded item of a paged list once, in order (a page boundary can repeat one). */
export function flattenPages<T extends { id: string }>(
  data: { pages: readonly { items: readonly T[] }[] } | undefined,
): T[] {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}
