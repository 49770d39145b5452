import type { OAuth2Client } from "./clients";
import type {
  Asset,
  AssetList,
  Claim,
  ClaimList,
  ClaimSnippetList,
  CommonParams,
  FetchVersions,
  VideoAdvertisingOption,
} from "./partner-types";

// A small typed Content ID client. googleapis has no youtubePartner API, so we issue the few GETs we need through
// the same OAuth2Client (token refresh, Authorization header, GaxiosError on failure) and mirror googleapis'
// calling convention: `partner.assets.get({assetId, ...})` resolves to a response with `.data`.

type Params = object;
type Ids = string | string[];

export interface PartnerClientOptions {
  auth: OAuth2Client;
  /** Origin of the Content ID API; only the origin is used, as googleapis does. */
  rootUrl: string;
  /** Sent as onBehalfOfContentOwner unless a call passes its own. */
  contentOwnerId?: string;
  /** gaxios retry; off by default so one retry policy (ours) decides. */
  retry?: boolean;
}

const BASE_PATH = "/youtube/partner/v1";

export function createPartnerClient(options: PartnerClientOptions) {
  const get = <T>(path: string, params: Params = {}) => {
    const query = new URLSearchParams();
    const merged: Record<string, unknown> = { onBehalfOfContentOwner: options.contentOwnerId, ...params };
    for (const [key, value] of Object.entries(merged)) {
      if (value === undefined || value === null) continue;
      query.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
    const url = new URL(`${BASE_PATH}${path}`, options.rootUrl);
    url.search = query.toString();
    return options.auth.request<T>({ url: url.toString(), method: "GET", retry: options.retry ?? false });
  };
  const segment = encodeURIComponent;
  type FetchParams = { fetchMetadata?: FetchVersions; fetchOwnership?: FetchVersions; fetchMatchPolicy?: FetchVersions };

  return {
    assets: {
      get: ({ assetId, ...params }: { assetId: string } & FetchParams & CommonParams) =>
        get<Asset>(`/assets/${segment(assetId)}`, params),
      /** Results are not in request order and merged assets come back once: map by id/aliasId. */
      list: (params: { id: Ids } & FetchParams & CommonParams) => get<AssetList>("/assets", params),
    },
    claims: {
      get: ({ claimId, ...params }: { claimId: string } & CommonParams) => get<Claim>(`/claims/${segment(claimId)}`, params),
      list: (params: { id?: Ids; assetId?: string; videoId?: string; q?: string; pageToken?: string } & CommonParams) =>
        get<ClaimList>("/claims", params),
    },
    claimSearch: {
      list: (
        params: { videoId?: Ids; assetId?: string; status?: string; pageToken?: string; includeThirdPartyClaims?: boolean } &
          CommonParams,
      ) => get<ClaimSnippetList>("/claimSearch", params),
    },
    videoAdvertisingOptions: {
      get: ({ videoId, ...params }: { videoId: string } & CommonParams) =>
        get<VideoAdvertisingOption>(`/videoAdvertisingOptions/${segment(videoId)}`, params),
    },
  };
}

export type PartnerClient = ReturnType<typeof createPartnerClient>;
