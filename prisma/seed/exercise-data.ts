// Calibration exercises of the demo workspace: one practice case per technical round type, written for
// Loopwise from the signals in docs (signals.md). Each is an answer written out, with a reference rating
// and its reason for some of the round type's signals (keys of the seeded rubric).

export interface SeedExercise {
  roundTypeKey: string;
  title: string;
  prompt: string;
  transcript: string;
  reference: Record<string, { rating: 1 | 2 | 3 | 4; reason: string }>;
}

export const DEMO_EXERCISES: SeedExercise[] = [
  {
    roundTypeKey: "technical-screen",
    title: "Practice case: longest session from a click log",
    prompt:
      "Given a list of (userId, timestamp) clicks sorted by time, return each user's longest session, where a session ends after 30 minutes without a click.",
    transcript: `Candidate: Are the timestamps in seconds? And can one user have clicks at exactly the same second?
Interviewer: Seconds, and yes, duplicates happen.
Candidate: Fine, duplicates just extend nothing. I'll keep a map from user to (sessionStart, lastClick, best). For each click, if the gap from lastClick is over 1800 I close the session: best = max(best, lastClick - sessionStart), and start a new one here.
(writes about twelve lines in one function; no helper)
Candidate: That's one pass, O(n) time and O(users) memory.
Interviewer: What do you return for a user with a single click?
Candidate: Zero... wait, I only update best when a session closes, so the last open session is never counted. I need a final pass over the map. (adds it)
Interviewer: How would you test it?
Candidate: One user with two sessions. Then a single click. I think that covers it.
Interviewer: Anything about a gap of exactly 1800?
Candidate: Oh, I used "over", so exactly 30 minutes keeps the session open. I'd ask product which they want.`,
    reference: {
      "clarifies-problem": {
        rating: 3,
        reason:
          "Asked about units and duplicate timestamps before coding; missed the exact-30-minute boundary until prompted.",
      },
      complexity: {
        rating: 4,
        reason: "Stated one pass, linear time and memory per user without being asked, and it is right.",
      },
      "tests-solution": {
        rating: 2,
        reason:
          "Named only two cases; the unclosed final session and the boundary were found by the interviewer, not by tests.",
      },
      "code-quality": {
        rating: 2,
        reason:
          "Correct after the fix, but one long function with the closing logic written twice instead of a helper.",
      },
    },
  },
  {
    roundTypeKey: "coding",
    title: "Practice case: merging booking windows",
    prompt: "Merge overlapping booking windows [start, end) for one room and return them sorted.",
    transcript: `Candidate: Half-open intervals, so [1,3) and [3,5) touch but don't overlap. Should touching windows merge? And can the input be empty or unsorted?
Interviewer: Merge touching ones; input is unsorted and may be empty.
Candidate: A brute force compares every pair until nothing changes, that's quadratic or worse. Sorting by start first makes it n log n, and then one sweep is enough. I'll go with sorting.
(writes sortByStart and mergeSorted as two small functions)
Candidate: Let me run [[5,7),[1,3),[2,4),[4,5)] by hand: sorted is [1,3),[2,4),[4,5),[5,7); merging gives [1,7) because each touches or overlaps the last.
Interviewer: Tests?
Candidate: Empty list; a single window; windows that only touch; one window inside another, like [1,10) and [2,3) — the end must stay 10, I use max for that. And a negative case: end before start should throw.
Interviewer: Memory?
Candidate: The sort copies, so O(n) extra. In place is possible if the caller lets me mutate.`,
    reference: {
      "clarifies-inputs": {
        rating: 4,
        reason: "Settled half-open ends, touching windows, empty and unsorted input before writing code.",
      },
      "brute-force-tradeoff": {
        rating: 3,
        reason: "Named the quadratic approach and why sorting wins; did not weigh memory until asked.",
      },
      "code-organization": {
        rating: 4,
        reason: "Two small functions with clear names; the max for nested windows is explained, not accidental.",
      },
      testing: {
        rating: 4,
        reason: "Empty, single, touching, nested and an invalid window: normal, edge and failure cases, unprompted.",
      },
      "narrates-decisions": {
        rating: 3,
        reason: "Walked a small example through by hand; narrated most choices, went quiet while writing the sweep.",
      },
    },
  },
  {
    roundTypeKey: "system-design",
    title: "Practice case: notification service",
    prompt:
      "Design a service that sends email, push and SMS notifications for other teams' events (order shipped, password reset).",
    transcript: `Candidate: Let me start with the architecture: an API gateway, Kafka, a microservice per channel, Redis, Cassandra for history. Kafka gives us infinite scale.
Interviewer: How many notifications a day, and how fast must a password reset arrive?
Candidate: Let's assume billions, we should build for the maximum. Resets... a few seconds I guess.
Interviewer: What happens when the SMS provider times out?
Candidate: We retry.
Interviewer: How often, and what if the provider actually sent it?
Candidate: Three times. Users might get two texts, that's acceptable.
Interviewer: How do you know the system is healthy?
Candidate: We'd have dashboards.
Interviewer: What does a producer call look like?
Candidate: POST /notify with the user id and a template id, and the service looks up the user's channel preferences. Preferences live in Cassandra too, keyed by user.`,
    reference: {
      requirements: {
        rating: 1,
        reason: "Started from components and assumed maximum scale; latency of resets was only guessed when asked.",
      },
      "entities-and-apis": {
        rating: 3,
        reason: "A clear producer call with template and user, and preferences as their own entity.",
      },
      "failure-and-observability": {
        rating: 1,
        reason:
          "Retries without limits on duplicates, no idempotency key or dead-letter queue; 'dashboards' with no metrics named.",
      },
      "explains-mechanics": {
        rating: 1,
        reason: "Named technologies (Kafka, Redis) as answers without saying what each does here or why.",
      },
    },
  },
  {
    roundTypeKey: "backend-depth",
    title: "Practice case: an idempotent order endpoint",
    prompt: "A mobile client retries POST /orders on timeouts. How do you make sure a customer is charged once?",
    transcript: `Candidate: The client sends an Idempotency-Key header, generated once per checkout. The server stores (key, request hash, status, response) in the orders database, in the same transaction as the order row, with a unique index on the key.
Interviewer: Two retries arrive at the same moment.
Candidate: Both try to insert the key; the unique index lets one win. The loser sees "in progress" and returns 409 with Retry-After, or waits briefly and returns the stored response once it's done.
Interviewer: The payment provider call happens in the middle. What if we crash after charging?
Candidate: That's the hard part. I'd pass our key to the provider as their idempotency key too, so re-running the charge is safe, and a recovery job finishes orders stuck "in progress" by asking the provider.
Interviewer: Same key, different body?
Candidate: Reject it with 422: the hash differs, so it's a client bug, not a retry.
Interviewer: How long do you keep keys?
Candidate: At least as long as clients retry, say 24 hours, then a cleanup job. I haven't thought about the table's size under heavy load; I'd partition by day if it grows.`,
    reference: {
      idempotency: {
        rating: 4,
        reason:
          "Key stored with the order in one transaction, request hash for mismatches, stored response replayed: the full mechanism.",
      },
      concurrency: {
        rating: 4,
        reason: "Used the unique index to settle simultaneous retries and said what the losing request returns.",
      },
      "dependency-failure": {
        rating: 3,
        reason:
          "Handled a crash after the charge with the provider's own idempotency and a recovery job; did not discuss the provider being down.",
      },
      "production-reliability": {
        rating: 3,
        reason: "Retention and cleanup considered; growth under load only sketched (partition by day).",
      },
    },
  },
];
