import { answerTrpc } from "@/server/api/endpoint";

// The proxy skips this endpoint (src/proxy.ts): answerTrpc screens the request the same way. The app's
// server answers most calls before Next.js (src/server/api/early-endpoint.ts); this route takes the rest.
export { answerTrpc as GET, answerTrpc as POST };
