// s3rver ships no type declarations; these cover the parts local/s3 uses.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  type BucketConfig = { name: string; configs?: (string | Buffer)[] };
  type Options = {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: BucketConfig[];
  };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<AddressInfo>;
    close(callback?: (error?: Error) => void): void;
  }
}
