import { startYouTubeSandbox } from "./server";

// `tsx local/youtube/main.ts` — run the YouTube sandbox on PORT (0 = any free port) until interrupted.
const port = Number(process.env.PORT ?? 0);
const sandbox = await startYouTubeSandbox({ port });
console.log(`youtube sandbox listening on ${sandbox.url}`);

const shutdown = () => {
  sandbox.stop().finally(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
