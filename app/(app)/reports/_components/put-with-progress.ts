// fetch() cannot report upload progress, so the presigned PUT goes through XMLHttpRequest.

export type UploadHandle = { promise: Promise<void>; abort: () => void };

/**
 * `headers` are the ones the URL was signed with (`If-None-Match: *`); the browser sets Content-Length from the
 * file, which must be the size the URL was signed for.
 */
export function putWithProgress(url: string, file: File, headers: Record<string, string>, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<void>((resolve, reject) => {
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else if (xhr.status === 412) reject(new Error("A report with this name appeared in the bucket meanwhile; rename the file and upload it again."));
      else reject(new Error(`The bucket refused the upload (HTTP ${xhr.status})${s3Message(xhr.responseText)}.`));
    };
    // Usually CORS on the bucket or a dropped connection; the browser hides which.
    xhr.onerror = () => reject(new Error("The upload could not reach the bucket (network or CORS problem)."));
    xhr.onabort = () => reject(new Error("Upload cancelled."));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

/** S3 errors are XML: pull out <Message> so "Request has expired" reads better than a status code. */
function s3Message(body: string): string {
  const match = /<Message>([^<]*)<\/Message>/.exec(body ?? "");
  return match ? `: ${match[1]}` : "";
}
