import { startPusherServer } from "./server";

// Entry for `tsx local/pusher/main.ts`: the launcher starts this when no hosted Pusher is configured,
// passing the credentials it also gives the app, and waits for GET / to answer.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`[pusher] ${name} is not set; the local Pusher stand-in needs PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET.`);
    process.exit(1);
  }
  return value;
}

const server = await startPusherServer({
  port: Number(process.env.PORT ?? 6001),
  appId: required("PUSHER_APP_ID"),
  key: required("PUSHER_KEY"),
  secret: required("PUSHER_SECRET"),
});
console.log(`[pusher] local Pusher Channels listening on ${server.url} (app ${process.env.PUSHER_APP_ID})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.stop().finally(() => process.exit(0));
  });
}
