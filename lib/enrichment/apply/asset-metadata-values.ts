import type { Asset, PartnerMetadata } from "@/lib/youtube/partner-types";
import type { Proposed } from "./field-diff";

// What an asset's Content ID metadata says about our assets and videos rows. We ask for fetchMetadata=mine (what
// our content owner set); the deprecated `metadata` field is the fallback when only that one is sent.

export const ASSET_COLUMNS = ["custom_id", "title", "album", "isrc", "upc", "grid", "label", "artist", "genre", "merged_into"] as const;
export const VIDEO_COLUMNS_FROM_ASSET = ["custom_id", "isrc", "upc", "label", "artist", "genre"] as const;

export function assetMetadata(asset: Asset): PartnerMetadata {
  return asset.metadataMine ?? asset.metadata ?? {};
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).filter((v): v is string => v !== undefined) : undefined);

/** assets.artist is one text (as asset reports carry it); the API sends a list. */
export function assetRowValues(metadata: PartnerMetadata): Proposed {
  const artists = list(metadata.artist);
  return {
    custom_id: text(metadata.customId),
    title: text(metadata.title),
    album: text(metadata.album),
    isrc: text(metadata.isrc),
    upc: text(metadata.upc),
    grid: text(metadata.grid),
    label: text(metadata.label),
    artist: artists?.length ? artists.join(", ") : undefined,
    genre: list(metadata.genre),
  };
}

/** The asset's values that every video it claims carries (videos.artist is a list, like the API's). */
export function videoValuesFromAsset(metadata: PartnerMetadata): Proposed {
  return {
    custom_id: text(metadata.customId),
    isrc: text(metadata.isrc),
    upc: text(metadata.upc),
    label: text(metadata.label),
    artist: list(metadata.artist),
    genre: list(metadata.genre),
  };
}
