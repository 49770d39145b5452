import type { Asset } from "@/lib/youtube/partner-types";

/**
 * Which answered asset stands for each requested id. assets.list returns no duplicates and no order: assets merged
 * into one come back once, under the surviving id, with the others in aliasId[]. An id answered as its own asset
 * wins over the same id listed as another's alias. Requested ids absent from the map were not found.
 */
export function matchAssetsById(requested: readonly string[], items: readonly Asset[]): Map<string, Asset> {
  const index = new Map<string, Asset>();
  for (const item of items) if (item.id) index.set(item.id, item);
  for (const item of items) {
    for (const alias of item.aliasId ?? []) if (!index.has(alias)) index.set(alias, item);
  }
  const matched = new Map<string, Asset>();
  for (const id of requested) {
    const asset = index.get(id);
    if (asset) matched.set(id, asset);
  }
  return matched;
}

/** Answers of APIs that echo each resource's id (videos.list, videoAdvertisingOptions): by id, never by position. */
export function indexById<T extends { id?: string | null }>(items: readonly T[]): Map<string, T> {
  return new Map(items.filter((item): item is T & { id: string } => typeof item.id === "string").map((item) => [item.id, item]));
}
