import { ListObjectsV2Command, type _Object } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";
import { getS3Client } from "./s3-client";

export type ReportFile = { key: string; filename: string; size: number; last_modified: string };
export type ReportListing = { files: ReportFile[]; count: number; total: number; page: number; pageSize: number };

/** Every object under the reports prefix (S3 pages through 1,000 keys at a time). Folder markers are skipped. */
export async function listAllReportObjects(): Promise<ReportFile[]> {
  const { S3_BUCKET, REPORTS_PREFIX } = getEnv();
  const s3 = getS3Client();
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: S3_BUCKET, Prefix: REPORTS_PREFIX, ContinuationToken: token }),
    );
    objects.push(...(page.Contents ?? []));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects
    .filter((o) => o.Key && !o.Key.endsWith("/"))
    .map((o) => ({
      key: o.Key!,
      filename: o.Key!.slice(o.Key!.lastIndexOf("/") + 1),
      size: o.Size ?? 0,
      last_modified: (o.LastModified ?? new Date(0)).toISOString(),
    }));
}

/**
 * F2: S3 can neither search nor sort, so the listing is filtered (case-insensitive, on the file name) and
 * sorted newest first here, then paginated. `count` is the number of matches, `total` all files under the prefix.
 */
export async function listReports(params: { page: number; pageSize: number; search?: string }): Promise<ReportListing> {
  const all = await listAllReportObjects();
  const needle = params.search?.trim().toLowerCase();
  const matches = needle ? all.filter((f) => f.filename.toLowerCase().includes(needle)) : all;
  matches.sort((a, b) => b.last_modified.localeCompare(a.last_modified) || a.key.localeCompare(b.key));
  const start = (params.page - 1) * params.pageSize;
  return {
    files: matches.slice(start, start + params.pageSize),
    count: matches.length,
    total: all.length,
    page: params.page,
    pageSize: params.pageSize,
  };
}
