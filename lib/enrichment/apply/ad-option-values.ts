import type { VideoAdvertisingOption } from "@/lib/youtube/partner-types";
import type { Proposed } from "./field-diff";

// What videoAdvertisingOptions.get says about a video's ad settings. Since November 2023 third_party_ads is the
// only ad format the API reports or sets, so the other format flags (display, overlay, skippable, …) stay as the
// reports left them; ad breaks come from breakPosition[] and adBreaks[].position.

export const AD_COLUMNS = ["ad_third_party", "ad_preroll", "ad_midroll", "ad_postroll"] as const;

const THIRD_PARTY_FORMATS = new Set(["third_party_ads", "third_party"]);

export function adOptionValues(option: VideoAdvertisingOption): Proposed {
  const values: Proposed = {};
  if (option.adFormats) values.ad_third_party = option.adFormats.some((f) => THIRD_PARTY_FORMATS.has(f));
  if (option.breakPosition || option.adBreaks) {
    const positions = new Set([...(option.breakPosition ?? []), ...(option.adBreaks ?? []).map((b) => b.position ?? "")]);
    values.ad_preroll = positions.has("preroll");
    values.ad_midroll = positions.has("midroll");
    values.ad_postroll = positions.has("postroll");
  }
  return values;
}
