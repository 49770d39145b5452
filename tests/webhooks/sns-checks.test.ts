import { describe, expect, it } from "vitest";
import { createCertificateCache } from "@/lib/webhooks/certificate-cache";
import { isTrustedCertUrl, isTrustedSnsUrl } from "@/lib/webhooks/sns-signature";

// Which URLs an SNS message may make the server fetch, and how many certificates it may make it keep.
describe("trusted SNS certificate URLs", () => {
  it("takes AWS's SNS hosts over https only, with a .pem path", () => {
    expect(isTrustedCertUrl("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")).toBe(true);
    expect(isTrustedCertUrl("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem")).toBe(true);
    for (const url of [
      "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
      "https://sns.us-east-1.amazonaws.com.attacker.example/cert.pem",
      "https://sns.us-east-1.amazonaws.com/cert.txt",
      "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
      "https://user@sns.us-east-1.amazonaws.com/cert.pem",
      "https://evil.example/sns.us-east-1.amazonaws.com/cert.pem",
      "not a url",
    ]) {
      expect(isTrustedCertUrl(url), url).toBe(false);
    }
  });

  it("matches the extra trusted location as a whole origin, never as a prefix", () => {
    const extra = "https://sns.example.com";
    expect(isTrustedCertUrl("https://sns.example.com/certs/a.pem", extra)).toBe(true);
    expect(isTrustedCertUrl("https://sns.example.com.attacker/a.pem", extra)).toBe(false);
    expect(isTrustedCertUrl("https://sns.example.com:444/a.pem", extra)).toBe(false);
    expect(isTrustedCertUrl("http://sns.example.com/a.pem", extra)).toBe(false);
    expect(isTrustedCertUrl("http://127.0.0.1:45670/cert.pem", "http://127.0.0.1:4567")).toBe(false);
    expect(isTrustedCertUrl("http://127.0.0.1:4567/cert.pem", "http://127.0.0.1:4567/")).toBe(true);
    // An unparseable setting adds nothing.
    expect(isTrustedCertUrl("https://sns.example.com/a.pem", "sns.example.com")).toBe(false);
  });

  it("takes subscribe URLs from the same hosts, any path", () => {
    expect(isTrustedSnsUrl("https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=t")).toBe(true);
    expect(isTrustedSnsUrl("http://169.254.169.254/latest/meta-data")).toBe(false);
  });
});

describe("the certificate cache", () => {
  it("keeps at most its bound, evicting the least recently used", async () => {
    const loads: string[] = [];
    const cache = createCertificateCache({ maxEntries: 2, ttlMs: 60_000 });
    const load = async (url: string) => (loads.push(url), `pem of ${url}`);
    await cache.get("a", load);
    await cache.get("b", load);
    expect(await cache.get("a", load)).toBe("pem of a");
    await cache.get("c", load);
    expect(cache.size()).toBe(2);
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, false, true]);
    for (let i = 0; i < 100; i++) await cache.get(`flood-${i}`, load);
    expect(cache.size()).toBe(2);
    expect(loads.slice(0, 3)).toEqual(["a", "b", "c"]);
  });

  it("fetches a certificate again once its entry has expired", async () => {
    let now = 0;
    let loads = 0;
    const cache = createCertificateCache({ maxEntries: 4, ttlMs: 1000, now: () => now });
    const load = async () => `pem ${++loads}`;
    expect(await cache.get("a", load)).toBe("pem 1");
    now = 999;
    expect(await cache.get("a", load)).toBe("pem 1");
    now = 1000;
    expect(await cache.get("a", load)).toBe("pem 2");
  });

  it("does not keep a certificate that failed to load", async () => {
    const cache = createCertificateCache({ maxEntries: 4, ttlMs: 1000 });
    await expect(cache.get("a", async () => Promise.reject(new Error("404")))).rejects.toThrow("404");
    expect(cache.has("a")).toBe(false);
  });
});
