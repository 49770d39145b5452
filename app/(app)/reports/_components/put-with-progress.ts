// fetch() cannot report upload progress, so the presigned PUT goes through XMLHttpRequest.

export type UploadHandle = { promise: Promise<void>; abort: () => void };

export function putWithProgress(url: string, file: File, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<void>((resolve, reject) => {
    xhr.open("PUT", url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
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
