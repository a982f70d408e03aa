// The rubric library every new workspace starts with, written from the documented interview signals.
import type { z } from "zod";
import type { LibrarySeed } from "@/schemas/library";

// Level weights. Entry and mid-level loops reward hands-on coding most; senior loops move weight toward
// design judgment, weighing tradeoffs, leading others and staying steady when the problem is unclear.
// Every signal uses one of these profiles so the pattern stays consistent across round types.
/** Hands-on coding execution: matters most early in a career. */
const EXECUTION = { entry: 1.5, mid: 1.3, senior: 1.0 };
/** Core problem-solving fundamentals: still expected of seniors, weighted a little higher early on. */
const FUNDAMENTALS = { entry: 1.3, mid: 1.2, senior: 1.0 };
/** Expected equally at every level. */
const EVEN = { entry: 1.0, mid: 1.0, senior: 1.0 };
/** Breadth of experience the role needs: grows with level. */
const SCOPE = { entry: 0.8, mid: 1.0, senior: 1.3 };
/** Production depth: scale, failure handling and operating real systems. */
const DEPTH = { entry: 0.8, mid: 1.1, senior: 1.4 };
/** Architecture and tradeoffs. */
const ARCHITECTURE = { entry: 1.0, mid: 1.2, senior: 1.6 };
/** Influence, judgment and composure when the problem is ill-defined. */
const INFLUENCE = { entry: 0.8, mid: 1.1, senior: 1.6 };

export const LIBRARY_DATA: z.input<typeof LibrarySeed> = {
  dimensions: [
    {
      key: "coding",
      name: "Coding fundamentals",
      description:
        "How well the candidate uses data structures and algorithms, tracks down bugs and writes code that other engineers can read, test and change.",
    },
    {
      key: "backend-depth",
      name: "Backend depth",
      description:
        "Practical command of APIs, databases, caching, concurrency and messaging, and of how services really behave in production: retries, idempotency, rate limits, partitioning, eventual consistency and day-to-day reliability.",
    },
    {
      key: "system-design",
      name: "System design",
      description:
        "The ability to turn a loosely stated product need into a workable backend design, weigh its tradeoffs, plan for failure and observability, and explain how it would grow over time.",
    },
    {
      key: "behavioral",
      name: "Behavioral fit",
      description:
        "Evidence from real past work of ownership, collaboration across teams, a habit of learning and a focus on what customers need.",
    },
    {
      key: "role-alignment",
      name: "Role alignment",
      description:
        "How closely the candidate's experience matches the team's technology, scale and kind of problems, and how well the role fits where they want to go.",
    },
    {
      key: "communication",
      name: "Communication and approach",
      description:
        "A cross-cutting signal in every round: the candidate makes assumptions explicit, asks clarifying questions, adjusts when constraints change and reasons out loud in a considered rather than performative way.",
    },
  ],

  redFlags: [
    {
      key: "jumps-into-code",
      title: "Starts coding before understanding the problem",
      description:
        "Begins typing before restating the task, checking the inputs or agreeing on edge cases, and then has to backtrack once the real requirements come out.",
      roundTypes: ["technical-screen", "coding"],
    },
    {
      key: "ignores-scale-and-failure",
      title: "Design ignores scale or failure",
      description:
        "Proposes an architecture that only works on a quiet day: no estimate of load, and no plan for what happens when a node, a dependency or a whole region goes away.",
      roundTypes: ["system-design", "backend-depth"],
    },
    {
      key: "buzzwords-without-mechanics",
      title: "Buzzwords instead of mechanics",
      description:
        "Names technologies or patterns such as queues, sharding or eventual consistency, but cannot explain how they work or why they solve this particular problem.",
      roundTypes: ["system-design", "backend-depth"],
    },
    {
      key: "soft-stories",
      title: "Stories without engineering decisions",
      description:
        "Behavioral answers stay at the level of feelings and teamwork clichés, with no concrete decision, tradeoff or measurable result that the candidate personally drove.",
      roundTypes: ["behavioral", "hiring-manager"],
    },
    {
      key: "defensive-under-challenge",
      title: "Defensive when challenged",
      description:
        "Treats a question about their approach as an attack: argues, brushes the point aside or freezes, instead of weighing it and adjusting where it is right.",
      roundTypes: ["technical-screen", "coding", "system-design", "backend-depth", "behavioral", "hiring-manager"],
    },
    {
      key: "hard-to-read-code",
      title: "Code that is hard to follow or verify",
      description:
        "The solution may be correct on paper, but tangled structure, unclear names and no way to test the pieces make it hard to trust or to change.",
      roundTypes: ["technical-screen", "coding"],
    },
    {
      key: "ignores-tradeoffs",
      title: "Ignores latency, consistency and cost tradeoffs",
      description:
        "Presents every choice as free, without weighing how it affects response times, the correctness of data and what the system costs to run.",
      roundTypes: ["system-design", "backend-depth"],
    },
    {
      key: "over-engineering",
      title: "Over-engineers every system",
      description:
        "Assumes every system needs planet-scale throughput and flawless uptime, piling on components and complexity that the stated requirements never called for.",
      roundTypes: ["system-design", "backend-depth"],
    },
    {
      key: "algorithm-only-preparation",
      title: "Algorithm-only preparation",
      description:
        "Comfortable with puzzle-style problems but lost on production basics: cannot say how to retry a request safely, what happens when writes contend in the database or what a queue actually guarantees.",
      roundTypes: ["backend-depth", "system-design"],
    },
  ],

  roundTypes: [
    // ───────────────────────────── Recruiter screen ─────────────────────────────
    {
      key: "recruiter-screen",
      name: "Recruiter screen",
      description:
        "A short call about the candidate's background, why they want this role and the practical details of the process. It decides whether a technical screen is worth scheduling.",
      defaultDurationMin: 30,
      dimensions: ["role-alignment", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and an overview of the role and the interview process" },
        { minutes: 10, activity: "Candidate walks through their background and recent work" },
        { minutes: 8, activity: "Motivation, what they want next and how their experience matches the team" },
        { minutes: 5, activity: "Logistics: timeline, location, level and other processes" },
        { minutes: 2, activity: "Candidate's questions and next steps" },
      ],
      signals: [
        {
          key: "career-story",
          dimension: "role-alignment",
          title: "Background summary",
          description:
            "Gives a focused account of recent roles: what they built, at what scale and what part they personally owned.",
          anchors: {
            "1": "Cannot summarise recent work beyond job titles, or the account contradicts the résumé.",
            "2": "Lists roles and technologies in order but leaves the recruiter guessing what they actually built or owned.",
            "3": "In a few minutes, explains recent roles, the systems they worked on and their own part in them.",
            "4": "Gives a tight account that links each move to growing scope and names concrete systems, scale and outcomes without being prompted.",
          },
          weights: EVEN,
        },
        {
          key: "motivation",
          dimension: "role-alignment",
          title: "Motivation for the role",
          description: "Has specific, credible reasons for wanting this role and team rather than any job.",
          anchors: {
            "1": "Has no reason for applying beyond needing a job, or cannot say what the team or product does.",
            "2": "Offers generic reasons, such as the company's size or pay, that would fit any employer.",
            "3": "Names specific things about the role and problem space that appeal, tied to their own goals.",
            "4": "Connects the team's problems to their past work and to what they want to learn next, and asks pointed questions about the role.",
          },
          weights: EVEN,
        },
        {
          key: "experience-match",
          dimension: "role-alignment",
          title: "Stack and scale match",
          description:
            "Whether the candidate's experience lines up with the team's technology, the scale it runs at and the kind of problems it solves.",
          anchors: {
            "1": "Has no experience close to the core of the role, for example no service work for a backend role, and does not acknowledge the gap.",
            "2": "The overlap is thin or vague; claims familiarity with the stack but cannot give an example of using it.",
            "3": "Shows clear overlap in language, type of system or scale, backs it with an example and is honest about gaps.",
            "4": "Has shipped and operated systems close to the team's scale and domain, and explains how they would close the remaining gaps.",
          },
          weights: SCOPE,
        },
        {
          key: "clear-communication",
          dimension: "communication",
          title: "Clear, concise answers",
          description:
            "Answers questions directly, at a level a non-specialist can follow, without rambling or dodging.",
          anchors: {
            "1": "Answers ramble or evade, and the recruiter has to ask the same question several times.",
            "2": "Gets to the point eventually but buries it in detail or jargon that a non-engineer cannot follow.",
            "3": "Answers directly at the right level for a non-specialist and checks whether more detail is wanted.",
            "4": "Tailors each answer to the listener, summarises crisply and volunteers the facts the recruiter will need.",
          },
          weights: EVEN,
        },
        {
          key: "logistics",
          dimension: "role-alignment",
          title: "Logistics and expectations",
          description:
            "Is clear about availability, location, level and pay expectations and any competing timelines, so the process can be planned.",
          anchors: {
            "1": "Is evasive or inconsistent about availability, location or right to work, leaving doubt that the process can go ahead.",
            "2": "Has not thought about timing or constraints, so key logistics are still open after the call.",
            "3": "States availability, location needs, expected level and competing deadlines plainly.",
            "4": "Raises constraints early and with realistic expectations, so scheduling the loop is straightforward.",
          },
          weights: EVEN,
        },
      ],
    },

    // ───────────────────────────── Technical screen ─────────────────────────────
    {
      key: "technical-screen",
      name: "Technical screen",
      description:
        "A phone or online session in a shared editor where the candidate solves one or two coding problems while talking through their thinking. It checks problem solving and coding basics before the full loop.",
      defaultDurationMin: 60,
      dimensions: ["coding", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and how the session will run" },
        { minutes: 5, activity: "Present the problem; candidate asks questions and works a small example" },
        { minutes: 35, activity: "Candidate designs and writes the solution, explaining as they go" },
        { minutes: 10, activity: "Testing, debugging and complexity discussion, plus a follow-up variation" },
        { minutes: 5, activity: "Candidate's questions" },
      ],
      signals: [
        {
          key: "clarifies-problem",
          dimension: "coding",
          title: "Clarifies the problem first",
          description:
            "Restates the task, asks about input size, types and odd inputs, and works an example before writing code.",
          anchors: {
            "1": "Starts typing at once and builds on a misreading of the problem that the interviewer has to point out.",
            "2": "Asks one or two surface questions but misses an obvious edge case, such as empty input or duplicates, that later breaks the code.",
            "3": "Restates the task, confirms input ranges and edge cases, and walks through a small example before coding.",
            "4": "Pins down the ambiguous parts with targeted questions and uses an example to expose a tricky case before committing to an approach.",
          },
          weights: FUNDAMENTALS,
        },
        {
          key: "problem-solving",
          dimension: "coding",
          title: "Reaches a working approach",
          description: "Finds a sound approach and turns it into code that runs correctly within the time available.",
          anchors: {
            "1": "Cannot settle on any workable approach, even with several hints.",
            "2": "Reaches a plausible idea only after heavy hints, and the code is not correct by the end of the session.",
            "3": "Finds a sound approach with at most a light hint and finishes code that is correct for the main cases.",
            "4": "Considers a couple of approaches, picks one for a stated reason and finishes correct code with time left for a follow-up.",
          },
          weights: EXECUTION,
        },
        {
          key: "complexity",
          dimension: "coding",
          title: "Complexity analysis",
          description: "States and reasons about the time and memory cost of the solution and of the alternatives.",
          anchors: {
            "1": "Cannot state the running time or memory use of their own solution, or states it wrongly.",
            "2": "Gives the time complexity only when asked and overlooks memory use or the cost of a hidden inner loop.",
            "3": "States time and space complexity correctly and says which step dominates the cost.",
            "4": "Analyses complexity unprompted, compares it with the alternatives and knows when the input size makes a simpler option good enough.",
          },
          weights: FUNDAMENTALS,
        },
        {
          key: "code-quality",
          dimension: "coding",
          title: "Readable code",
          description: "Writes code with clear names and structure that a reviewer could follow and test.",
          anchors: {
            "1": "The code is one tangled block with cryptic names that even the candidate struggles to follow.",
            "2": "The code works in places but mixes concerns, repeats logic or uses names that hide what it does.",
            "3": "The code uses clear names and small functions that a reviewer could follow and unit test.",
            "4": "The code reads like production code: well-named helpers, explicit edge handling and a structure that would survive the next change.",
          },
          weights: EXECUTION,
        },
        {
          key: "debugging",
          dimension: "coding",
          title: "Finds and fixes bugs",
          description: "Locates the cause of wrong output methodically and fixes it without breaking anything else.",
          anchors: {
            "1": "When the code fails, changes lines at random or waits for the interviewer to spot the bug.",
            "2": "Finds bugs only after the interviewer points to the failing line or input.",
            "3": "Traces the failing case by hand or with prints, finds the bug and fixes it cleanly.",
            "4": "Catches most bugs in a deliberate walkthrough before running anything, and explains the root cause of any that slip through.",
          },
          weights: EXECUTION,
        },
        {
          key: "tests-solution",
          dimension: "coding",
          title: "Tests the solution",
          description:
            "Checks the code against normal input, edge cases and invalid input rather than declaring it done.",
          anchors: {
            "1": "Declares the solution finished without running or tracing a single case.",
            "2": "Checks only the happy-path example that came with the prompt.",
            "3": "Tests a normal case and at least two edge cases, such as empty input and a single element, and fixes what fails.",
            "4": "Chooses tests deliberately to cover boundaries and invalid input, says what each one guards against and would keep them as a test suite.",
          },
          weights: FUNDAMENTALS,
        },
        {
          key: "communication",
          dimension: "communication",
          title: "States assumptions and adapts",
          description:
            "Makes assumptions explicit, asks when something is unclear and adjusts calmly when the interviewer adds a constraint.",
          anchors: {
            "1": "Works in silence, makes unstated assumptions and ignores or resists a new constraint from the interviewer.",
            "2": "Explains only when asked, and a changed requirement leads to starting over rather than adjusting.",
            "3": "Says assumptions out loud, asks clarifying questions when unsure and adapts the approach when a constraint changes.",
            "4": "Keeps the interviewer oriented throughout, checks assumptions at each decision point and folds new constraints into the plan, explaining what changes and why.",
          },
          weights: EVEN,
        },
      ],
    },

    // ───────────────────────────────── Coding ─────────────────────────────────
    {
      key: "coding",
      name: "Coding",
      description:
        "An onsite or virtual round on algorithms and data structures. It looks for correct, clean and tested code, and a clear account of why the candidate chose their approach.",
      defaultDurationMin: 60,
      dimensions: ["coding", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and how the round will run" },
        { minutes: 8, activity: "Present the problem; candidate clarifies inputs, edge cases and works an example" },
        { minutes: 30, activity: "Candidate outlines an approach, then implements it while narrating decisions" },
        { minutes: 10, activity: "Testing with typical, boundary and invalid inputs; fixing what breaks" },
        { minutes: 7, activity: "Complexity, optimisation follow-up and candidate's questions" },
      ],
      signals: [
        {
          key: "clarifies-inputs",
          dimension: "coding",
          title: "Clarifies inputs and edge cases",
          description:
            "Establishes the shape, size and limits of the input and the expected output, including awkward cases, before designing an algorithm.",
          anchors: {
            "1": "Begins coding without asking anything and misunderstands what the input looks like or what should be returned.",
            "2": "Asks about the input format but not about limits, duplicates, empty input or invalid data.",
            "3": "Confirms input size, types, ordering and the main edge cases before choosing an algorithm.",
            "4": "Uses sharp questions to uncover hidden requirements, such as ties, streaming input or memory limits, and writes them down as the working spec.",
          },
          weights: FUNDAMENTALS,
        },
        {
          key: "complexity-choice",
          dimension: "coding",
          title: "Chooses suitable complexity",
          description:
            "Picks data structures and an algorithm whose time and memory costs fit the stated constraints, and can say what those costs are.",
          anchors: {
            "1": "Chooses an approach that is clearly too slow for the stated input size and cannot say why.",
            "2": "Lands on acceptable complexity more by luck than reasoning and cannot explain the costs of the structures used.",
            "3": "Picks structures and an algorithm whose time and space fit the constraints, and states the complexity correctly.",
            "4": "Matches the bound to the constraints precisely, knows the memory and constant-factor costs of each structure and spots when a cheaper bound is possible.",
          },
          weights: EXECUTION,
        },
        {
          key: "brute-force-tradeoff",
          dimension: "coding",
          title: "Correct first, then optimize",
          description:
            "Explains a simple correct approach and its cost, then improves on it, optimising only once correctness is secured.",
          anchors: {
            "1": "Either stalls hunting for a clever trick and writes nothing, or optimises code that does not yet work.",
            "2": "Mentions a brute-force approach but cannot say what makes it slow or how it could be improved.",
            "3": "Describes a simple correct approach and its cost, then moves to a faster one and explains what it trades away.",
            "4": "Weighs several approaches by speed, memory and code complexity, secures correctness first and optimises only where the constraints demand it.",
          },
          weights: FUNDAMENTALS,
        },
        {
          key: "code-organization",
          dimension: "coding",
          title: "Organized, testable code",
          description:
            "Splits the solution into sensible helpers with clear inputs and outputs, so the code is readable, testable and easy to maintain.",
          anchors: {
            "1": "Writes one long function with deep nesting and unclear names; it is hard to read and impossible to test in pieces.",
            "2": "The code works but repeats logic and mixes parsing, state changes and output in the same place.",
            "3": "Breaks the work into small, well-named helpers with clear inputs and outputs that could each be unit tested.",
            "4": "Each piece has one job, edge handling is explicit and the result is code a reviewer would approve with little change.",
          },
          weights: EXECUTION,
        },
        {
          key: "testing",
          dimension: "coding",
          title: "Tests typical, boundary and failing inputs",
          description:
            "Verifies the code against a typical input, at least two edge cases and an invalid or failing input, and fixes what the tests reveal.",
          anchors: {
            "1": "Does not test at all, or claims the code works without tracing it.",
            "2": "Traces only the given example, and a simple edge case would still break the code.",
            "3": "Walks through a normal case, at least two edge cases and one invalid or failing input, and fixes what they find.",
            "4": "Designs a compact set of tests aimed at boundaries and failure paths, explains what each proves and finds their own bugs before the interviewer does.",
          },
          weights: EXECUTION,
        },
        {
          key: "data-structure-fluency",
          dimension: "coding",
          title: "Data structure and algorithm fluency",
          description:
            "Recognises and correctly applies the standard toolkit: arrays and strings, hash maps and sets, trees and graphs, heaps, interval and scheduling techniques, BFS and DFS, basic dynamic programming and concurrency basics.",
          anchors: {
            "1": "Does not recognise which standard structure or technique applies, even with a hint such as 'a heap could help here'.",
            "2": "Recognises the right family of technique but stumbles over its mechanics, such as traversal order or heap operations.",
            "3": "Picks a suitable structure or technique, for example a hash map, a heap, a graph traversal or sort-and-sweep, and implements it correctly.",
            "4": "Moves fluently between techniques, explains why one fits better than another and handles variants such as streaming input or concurrent access.",
          },
          weights: FUNDAMENTALS,
        },
        {
          key: "narrates-decisions",
          dimension: "communication",
          title: "Narrates decisions",
          description:
            "Walks through a small example before coding and explains the reasoning behind each main decision while writing the code.",
          anchors: {
            "1": "Codes silently, so the interviewer cannot tell what the plan is or why a line exists.",
            "2": "Describes what they are typing rather than why, and skips working an example before coding.",
            "3": "Works a small example first, then explains each main decision as they code.",
            "4": "Keeps a running explanation that lets the interviewer follow and steer, and flags choices they would revisit with more time.",
          },
          weights: EVEN,
        },
        {
          key: "communication",
          dimension: "communication",
          title: "States assumptions and adapts",
          description:
            "Voices assumptions, asks clarifying questions at the right moments and reworks the approach when a new constraint appears.",
          anchors: {
            "1": "Keeps assumptions to themselves, does not ask when stuck, and pushes back or stalls when the interviewer adds a constraint.",
            "2": "Asks questions only after going down a wrong path, and adapts to new constraints slowly or with visible frustration.",
            "3": "States assumptions, asks clarifying questions when they matter and reworks the approach when a new constraint is introduced.",
            "4": "Treats the round as a collaboration: checks assumptions before each major step, welcomes new constraints and explains how they change the solution.",
          },
          weights: EVEN,
        },
      ],
    },

    // ───────────────────────────── System design ─────────────────────────────
    {
      key: "system-design",
      name: "System design",
      description:
        "A backend design conversation that moves from requirements to APIs, architecture, storage, scaling and failure handling. Most of the time goes to designing and defending tradeoffs, not to naming technologies.",
      defaultDurationMin: 60,
      dimensions: ["system-design", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and the design prompt" },
        { minutes: 7, activity: "Candidate clarifies requirements: users, scale, latency and consistency needs" },
        {
          minutes: 40,
          activity:
            "Design block: entities and APIs, high-level architecture, storage, scaling bottlenecks, failure modes and observability",
        },
        { minutes: 5, activity: "Tradeoffs, what would change at ten times the load and how the design evolves" },
        { minutes: 3, activity: "Candidate's questions" },
      ],
      signals: [
        {
          key: "requirements",
          dimension: "system-design",
          title: "Clarifies requirements and scale",
          description:
            "Establishes who uses the system and how, the expected load, latency targets and how consistent the data must be, before designing anything.",
          anchors: {
            "1": "Starts drawing components without asking who uses the system, how much traffic it sees or what matters most.",
            "2": "Asks about features but not about load, latency or consistency, so later choices have nothing to rest on.",
            "3": "Agrees the functional scope, rough traffic and data volume, latency goals, consistency needs and usage patterns before designing.",
            "4": "Turns the answers into numbers, such as requests per second, storage growth and read-to-write ratio, and names the requirement that will drive the design.",
          },
          weights: ARCHITECTURE,
        },
        {
          key: "entities-and-apis",
          dimension: "system-design",
          title: "Defines entities and APIs",
          description:
            "Names the core data entities and the API contracts between clients and services, including who may call what, and traces how a request flows.",
          anchors: {
            "1": "Never defines a data model or an API, so the components have nothing concrete to exchange.",
            "2": "Names entities loosely but leaves API inputs, outputs or the path a request takes unclear.",
            "3": "Defines the core entities, the main calls with their parameters and responses, how callers are authenticated and authorised, and how a request moves through the system.",
            "4": "Produces crisp contracts covering pagination, error cases, idempotency keys and access control, and uses them to drive the rest of the design.",
          },
          weights: ARCHITECTURE,
        },
        {
          key: "architecture",
          dimension: "system-design",
          title: "High-level architecture",
          description: "Sketches a coherent set of components that serves the main read and write paths end to end.",
          anchors: {
            "1": "Cannot produce a coherent set of components, or the sketch has gaps that leave requests going nowhere.",
            "2": "Draws generic boxes such as a load balancer, a service and a database without showing how they serve this problem's flows.",
            "3": "Sketches a simple architecture that handles the main read and write paths end to end and explains the role of each component.",
            "4": "Starts simple, traces each main flow through the sketch and separates synchronous from asynchronous work in a way that makes later deep dives easy.",
          },
          weights: ARCHITECTURE,
        },
        {
          key: "storage",
          dimension: "system-design",
          title: "Storage and data access",
          description:
            "Chooses storage based on the access patterns: relational or not, key and index design, and how the main queries will run.",
          anchors: {
            "1": "Picks a database without reasoning, or the chosen store cannot serve the main queries.",
            "2": "Chooses SQL or NoSQL out of habit, with little thought for indexes or query patterns.",
            "3": "Chooses storage from the access patterns, defines keys and indexes and explains how the main queries are served.",
            "4": "Designs keys and indexes around the hottest queries, discusses consistency and data growth, and knows when a second store such as search or blob storage earns its place.",
          },
          weights: DEPTH,
        },
        {
          key: "scaling",
          dimension: "system-design",
          title: "Handles scale bottlenecks",
          description:
            "Finds where the design will break as load grows and addresses it with caching and invalidation, load balancing, horizontal scaling or partitioning.",
          anchors: {
            "1": "Does not identify where the design would break as load grows.",
            "2": "Says 'add a cache' or 'shard it' without saying what is cached, how it is invalidated or what the shard key is.",
            "3": "Finds the main bottleneck and addresses it with concrete caching, load balancing, horizontal scaling or partitioning choices.",
            "4": "Estimates where each component saturates, picks a partition key that avoids hot spots and plans cache invalidation and rebalancing explicitly.",
          },
          weights: DEPTH,
        },
        {
          key: "failure-and-observability",
          dimension: "system-design",
          title: "Failure modes and observability",
          description:
            "Plans for components failing, using replication, recovery, retries, backpressure and idempotency, and describes the metrics, logs and traces that show the system's health.",
          anchors: {
            "1": "Assumes every component always works and has no way to tell when the system is unhealthy.",
            "2": "Mentions replication or retries in passing but cannot describe what a user experiences when a component fails.",
            "3": "Walks through the failure of key components using replication, retries with backoff, idempotency and backpressure, and names the metrics, logs and traces that would reveal trouble.",
            "4": "Designs for failure from the start: sets recovery targets, prevents retry storms, plans disaster recovery and ties alerts to user-facing service levels.",
          },
          weights: DEPTH,
        },
        {
          key: "tradeoffs-and-evolution",
          dimension: "system-design",
          title: "Tradeoffs and evolution",
          description:
            "Explains what each major decision gives up, ties it to the product's needs, sizes the design to the real scale and describes how it would evolve.",
          anchors: {
            "1": "Presents the design as the only option and cannot name what it gives up.",
            "2": "Names tradeoffs in textbook terms, such as consistency versus availability, without linking them to this product.",
            "3": "Explains the main latency, consistency and cost tradeoffs in terms of the product's needs, and sizes the design to the stated scale.",
            "4": "Right-sizes deliberately, says which decisions are cheap to reverse later and outlines how the design would change as usage grows.",
          },
          weights: ARCHITECTURE,
        },
        {
          key: "explains-mechanics",
          dimension: "system-design",
          title: "Explains the mechanics",
          description:
            "Explains how and why each chosen mechanism works in this design instead of naming a technology and moving on.",
          anchors: {
            "1": "Relies on buzzwords such as 'put it on Kafka' or 'make it eventually consistent' and cannot explain what they do.",
            "2": "Names the right component but describes its behaviour only superficially, and only when pushed.",
            "3": "Explains how each chosen mechanism works here; for a queue: who produces, how messages are stored durably, how workers consume them and how duplicates and retries are handled.",
            "4": "Goes a level deeper unprompted, covering delivery guarantees, dead-letter handling, ordering and behaviour under partial failure, and why this mechanism beats the alternatives.",
          },
          weights: ARCHITECTURE,
        },
        {
          key: "communication",
          dimension: "communication",
          title: "States assumptions and adapts",
          description:
            "Keeps the design conversation structured, makes assumptions explicit and revises the design when the interviewer changes a requirement.",
          anchors: {
            "1": "Talks past the interviewer, ignores new constraints or becomes defensive when a choice is questioned.",
            "2": "States some assumptions but needs repeated prompting to adapt when the interviewer changes a requirement.",
            "3": "States assumptions as they go, checks which areas the interviewer wants to explore and revises the design when a new constraint appears.",
            "4": "Drives the session with a clear plan, keeps an eye on time, makes every assumption explicit and explains what changes and what stays when a constraint shifts.",
          },
          weights: EVEN,
        },
      ],
    },

    // ───────────────────────────── Backend depth ─────────────────────────────
    {
      key: "backend-depth",
      name: "Backend depth",
      description:
        "A practical engineering discussion about how services behave in production: APIs, storage, concurrency, retries, failing dependencies and changing live systems safely.",
      defaultDurationMin: 60,
      dimensions: ["backend-depth", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and the format of the discussion" },
        { minutes: 10, activity: "Candidate describes a service they built or ran in production" },
        {
          minutes: 35,
          activity:
            "Scenario deep dives: retries and idempotency, dependency failure, schema change, contention and queues",
        },
        { minutes: 7, activity: "Operating in production: monitoring, rollouts and a real incident" },
        { minutes: 3, activity: "Candidate's questions" },
      ],
      signals: [
        {
          key: "idempotency",
          dimension: "backend-depth",
          title: "Idempotent operations",
          description:
            "Makes write endpoints safe to retry: request keys, stored outcomes and side effects that happen exactly once from the caller's point of view.",
          anchors: {
            "1": "Does not see why a retried request could charge a customer or create a record twice.",
            "2": "Knows retries can duplicate work but proposes only careful clients or a vague uniqueness check.",
            "3": "Designs an idempotency key stored with the outcome, returns the saved result on a retry and keeps side effects from repeating.",
            "4": "Handles the hard edges: duplicates arriving at the same moment, key expiry, a crash between calling a downstream service and saving the result, and how clients should retry.",
          },
          weights: DEPTH,
        },
        {
          key: "dependency-failure",
          dimension: "backend-depth",
          title: "Dependency failure and degraded modes",
          description:
            "Knows what the service does when a cache, database or downstream service slows down or disappears, and how to protect the rest of the system.",
          anchors: {
            "1": "Assumes dependencies are always available; when one fails, the service simply errors or falls over.",
            "2": "Adds retries without limits or backoff, which would pile more load onto the failing dependency or the database behind it.",
            "3": "Sets timeouts, bounded retries with backoff and a fallback or degraded mode, and shields the database when a cache or service goes away.",
            "4": "Plans degradation in detail, with circuit breakers, load shedding, request coalescing and a controlled warm-up on recovery, and knows which features to switch off first.",
          },
          weights: DEPTH,
        },
        {
          key: "schema-evolution",
          dimension: "backend-depth",
          title: "Schema evolution",
          description:
            "Changes the schema of a busy service safely: migrations that do not block, compatibility between old and new code, and a staged rollout.",
          anchors: {
            "1": "Would alter a live table in place in a single deploy, without thinking about running code or data size.",
            "2": "Knows migrations can be risky but has no plan for old and new code running side by side.",
            "3": "Plans an expand-and-contract change: additive migration, backfill, dual writes or reads, then removal, staying backward compatible at each step.",
            "4": "Adds the operational detail: batched backfills that avoid long locks, feature flags, data verification, rollback points and coordination with API consumers.",
          },
          weights: DEPTH,
        },
        {
          key: "concurrency",
          dimension: "backend-depth",
          title: "Concurrency and contention",
          description:
            "Recognises race conditions and contention on shared data and chooses a control that keeps data correct without killing throughput.",
          anchors: {
            "1": "Does not recognise a race, such as two requests updating the same row at the same moment.",
            "2": "Sees the race but reaches for a global lock without considering what it does to throughput.",
            "3": "Chooses a fitting control, such as a transaction, a row lock, optimistic versioning or an atomic conditional update, and explains its cost under contention.",
            "4": "Reasons about isolation levels, hot keys and deadlocks, and reshapes data access, for example by splitting a counter or serialising writes through a queue, when locking alone will not scale.",
          },
          weights: DEPTH,
        },
        {
          key: "queues-and-rate-limits",
          dimension: "backend-depth",
          title: "Queue semantics and rate limiting",
          description:
            "Understands what a queue does and does not guarantee, and how to limit request rates per client or tenant, including across many servers.",
          anchors: {
            "1": "Treats a queue as a magic buffer and cannot say how messages are delivered, retried or lost; has no idea how a rate limit is enforced.",
            "2": "Knows about at-least-once delivery but does not plan for duplicates, poison messages or consumer lag; rate limiting is a single fixed counter.",
            "3": "Explains delivery guarantees, acknowledgements and retries with a dead-letter queue, and describes a token or leaky bucket limiter with limits per tenant.",
            "4": "Covers ordering, visibility timeouts and distributed counters with their accuracy-versus-cost tradeoff, and shows how queues and limits protect downstream systems during spikes.",
          },
          weights: DEPTH,
        },
        {
          key: "production-reliability",
          dimension: "backend-depth",
          title: "Production reliability",
          description:
            "Draws on real experience of running services: monitoring and alerting, safe rollouts, incident response and follow-up.",
          anchors: {
            "1": "Has no examples of running software in production and no view on monitoring or incidents.",
            "2": "Mentions logs and dashboards but cannot say what they would alert on or how they would roll out a risky change.",
            "3": "Describes concrete metrics and alerts, safe rollouts with canaries, flags or rollback, and how they handled a real incident.",
            "4": "Thinks in service levels and error budgets, explains how they would find a root cause fast and what they changed afterwards so the failure could not recur.",
          },
          weights: DEPTH,
        },
        {
          key: "communication",
          dimension: "communication",
          title: "States assumptions and adapts",
          description:
            "Grounds answers in stated assumptions about load and behaviour, asks what matters to the business and adjusts when the scenario changes.",
          anchors: {
            "1": "Answers with general theory that does not address the scenario, and resists when the interviewer adds a constraint.",
            "2": "States assumptions only when asked and struggles to adjust when the scenario changes.",
            "3": "States assumptions about load and behaviour, asks what matters most to the business and adapts when the interviewer changes the failure scenario.",
            "4": "Anchors each answer in explicit assumptions and real experience, asks incisive questions and reworks the plan smoothly when a constraint shifts.",
          },
          weights: EVEN,
        },
      ],
    },

    // ─────────────────────────────── Behavioral ───────────────────────────────
    {
      key: "behavioral",
      name: "Behavioral",
      description:
        "A conversation about real past situations covering teamwork, ownership, disagreement, failure and customer focus. Each answer should be a specific story that holds up under follow-up questions.",
      defaultDurationMin: 45,
      dimensions: ["behavioral", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and how the conversation will run" },
        { minutes: 18, activity: "Two stories on ownership and working with others, each probed with follow-ups" },
        { minutes: 17, activity: "Two stories on failure, ambiguity or customer impact, each probed with follow-ups" },
        { minutes: 5, activity: "Candidate's questions" },
      ],
      signals: [
        {
          key: "story-structure",
          dimension: "communication",
          title: "Story structure (STAR or CAR)",
          description:
            "Tells a real, specific story: the context, their own responsibility, the obstacle or disagreement they faced, the actions they drove, the result and the lesson they carry forward.",
          anchors: {
            "1": "Cannot produce a specific example, or describes what they would do instead of what they did.",
            "2": "Gives a real example but blurs context and action, so it stays unclear what they owned or how it ended.",
            "3": "Tells a focused story of about two minutes covering context, their responsibility, the constraint, their actions, the result and the lesson, and can expand on request.",
            "4": "Tells tight stories with measurable results that survive any follow-up, and ends with a lesson they clearly apply in their work today.",
          },
          weights: EVEN,
        },
        {
          key: "ownership",
          dimension: "behavioral",
          title: "Ownership without ego",
          description:
            "Takes responsibility for outcomes, including mistakes, and is precise about their own part while crediting others fairly.",
          anchors: {
            "1": "Describes work that happened around them, avoids saying what they did or blames others for problems.",
            "2": "Says 'we' throughout so their own part is unclear, or claims credit without acknowledging the team.",
            "3": "States clearly what they personally drove, including what went wrong on their watch, while giving teammates fair credit.",
            "4": "Took responsibility beyond their assigned scope, followed through to the outcome and discusses their mistakes openly and without defensiveness.",
          },
          weights: EVEN,
        },
        {
          key: "collaboration",
          dimension: "behavioral",
          title: "Cross-functional collaboration",
          description:
            "Works effectively with product, design, operations and other engineering teams, understanding their goals and resolving friction.",
          anchors: {
            "1": "Describes other teams or functions as obstacles and shows no effort to understand their goals.",
            "2": "Worked with other functions only through hand-offs, and disagreements were escalated rather than worked through.",
            "3": "Worked with product, design, operations or other teams to agree on goals and resolve disagreements directly.",
            "4": "Built lasting working relationships across functions, aligned competing priorities and made the other team's success part of the plan.",
          },
          weights: EVEN,
        },
        {
          key: "customer-impact",
          dimension: "behavioral",
          title: "Lets customer impact guide decisions",
          description:
            "Uses the effect on users and customers to decide what to build, fix or drop, and can show the result.",
          anchors: {
            "1": "Cannot connect their work to any user or customer outcome.",
            "2": "Mentions customers in general terms, but the decisions described were driven by technical preference.",
            "3": "Used the effect on users as a deciding factor and can describe how the result changed things for them.",
            "4": "Measured customer impact, changed course when the data showed users were not helped and weighed customer experience against engineering cost explicitly.",
          },
          weights: EVEN,
        },
        {
          key: "learning",
          dimension: "behavioral",
          title: "Learning from failure",
          description:
            "Owns real failures, understands their causes and shows concrete changes in behaviour or process since.",
          anchors: {
            "1": "Cannot name a real failure, or frames the failure as someone else's fault.",
            "2": "Names a failure, but the lesson is generic, such as 'communicate more', with no visible change in behaviour.",
            "3": "Owns a real failure, explains its cause and describes a specific habit or process they changed because of it.",
            "4": "Shows a pattern of iteration: sought feedback, tried small experiments and shared the lesson so the wider team avoided the same mistake.",
          },
          weights: EVEN,
        },
        {
          key: "influence",
          dimension: "behavioral",
          title: "Influence through data and clarity",
          description:
            "Changes minds with evidence, prototypes and clear reasoning rather than authority or persistence, and commits once a decision is made.",
          anchors: {
            "1": "Wins arguments by rank or persistence, or gives up without making a case at all.",
            "2": "Argues from opinion; when the decision goes against them, disengages or keeps reopening it.",
            "3": "Makes the case with data, a prototype or a clear write-up, listens to the other side and commits once the decision is made.",
            "4": "Shifted the direction of a team or organisation through evidence and clear framing, building agreement without relying on a title.",
          },
          weights: INFLUENCE,
        },
        {
          key: "ambiguity",
          dimension: "behavioral",
          title: "Composure under ambiguity",
          description:
            "Stays calm and makes sensible progress when goals or requirements are unclear, making assumptions explicit and revisiting them as facts arrive.",
          anchors: {
            "1": "Freezes and waits for complete instructions when things are unclear, or charges ahead without checking anything.",
            "2": "Makes progress only after someone else has defined the problem for them.",
            "3": "Separates what is known from what is not, makes reasonable assumptions, checks them with stakeholders and moves forward calmly.",
            "4": "Gives structure to an ill-defined problem for the whole group, makes reversible decisions quickly and revisits them as information arrives without losing composure.",
          },
          weights: INFLUENCE,
        },
      ],
    },

    // ───────────────────────────── Hiring manager ─────────────────────────────
    {
      key: "hiring-manager",
      name: "Hiring manager",
      description:
        "A conversation with the future manager about the scope and impact of the candidate's work, how they prioritise and operate, and whether they fit the team and its problems.",
      defaultDurationMin: 45,
      dimensions: ["role-alignment", "behavioral", "communication"],
      timingGuide: [
        { minutes: 5, activity: "Introductions and an overview of the team and its current priorities" },
        { minutes: 15, activity: "Scope and impact of the candidate's recent work" },
        { minutes: 10, activity: "Prioritisation, judgment and working style" },
        { minutes: 10, activity: "Team fit, growth goals and expectations for the first months" },
        { minutes: 5, activity: "Candidate's questions" },
      ],
      signals: [
        {
          key: "scope-and-impact",
          dimension: "role-alignment",
          title: "Scope and impact",
          description: "The size and complexity of work the candidate has owned and the measurable difference it made.",
          anchors: {
            "1": "Cannot describe the scope of recent work or its results beyond the tasks they were handed.",
            "2": "Describes the scope accurately, but the impact is vague or was never measured.",
            "3": "Describes the size and complexity of recent work and its measurable impact at a level that fits the role.",
            "4": "Shows scope beyond the level applied for: set technical direction, multiplied the work of others and can put numbers on the business effect.",
          },
          weights: SCOPE,
        },
        {
          key: "team-fit",
          dimension: "role-alignment",
          title: "Fit with the team's problems",
          description:
            "How well the candidate's experience and interests match the team's stack, scale and current problems.",
          anchors: {
            "1": "Wants a kind of work the team does not do, or dismisses the team's problems as uninteresting.",
            "2": "Is interested in the team but unclear how their skills would apply to its current problems.",
            "3": "Connects their experience to the team's stack, scale and current problems, and is realistic about the ramp-up.",
            "4": "Brings specific ideas about the team's challenges from similar work and would clearly contribute early on.",
          },
          weights: EVEN,
        },
        {
          key: "judgment",
          dimension: "behavioral",
          title: "Prioritisation and judgment",
          description:
            "Chooses between competing work such as features, technical debt and reliability with clear reasoning about value, cost and risk.",
          anchors: {
            "1": "Describes priorities set by whoever pushed hardest, with no view of their own on the tradeoffs.",
            "2": "Has opinions about priorities but cannot explain how they balanced value, cost and risk.",
            "3": "Explains how they chose between competing pieces of work, with clear reasoning and input from stakeholders.",
            "4": "Frames priorities in terms of business outcomes and risk, and shows they have changed a team's priorities for the better.",
          },
          weights: INFLUENCE,
        },
        {
          key: "growth",
          dimension: "behavioral",
          title: "Growth and feedback",
          description: "Seeks out feedback, acts on it and has concrete goals for what to learn next.",
          anchors: {
            "1": "Cannot name any feedback they have received or anything they want to improve.",
            "2": "Names a growth area in general terms, without a plan or an example of working on it.",
            "3": "Describes specific feedback, what they did about it and what they want to learn in this role.",
            "4": "Actively asks for feedback, has a track record of acting on it and links their growth goals to what the team needs.",
          },
          weights: EVEN,
        },
        {
          key: "working-style",
          dimension: "communication",
          title: "Working style and questions",
          description:
            "Describes how they plan, communicate and handle disagreement, and asks questions that show real thought about the team.",
          anchors: {
            "1": "Cannot describe how they like to work and asks no questions about the team.",
            "2": "Describes their working style in clichés and asks only generic questions.",
            "3": "Explains how they plan, keep others informed and handle disagreement, and asks thoughtful questions about the team.",
            "4": "Is candid about what helps them do their best work and asks questions that show they have already thought about the team's challenges and culture.",
          },
          weights: EVEN,
        },
      ],
    },
  ],

  questions: [
    // ───────────────────────────── Recruiter screen ─────────────────────────────
    {
      key: "rs-background-walkthrough",
      roundType: "recruiter-screen",
      title: "Walk me through your background",
      prompt:
        "Could you walk me through your background, focusing on the last two or three years? I'd like to hear what you worked on, how big the systems and teams were, and what you personally owned.",
      probes:
        "Whether the candidate can summarise their career concisely, what scale and kind of systems they have worked on, and how well that matches the role.",
      followUps: [
        "Which of those projects are you proudest of, and why?",
        "What was the biggest system you worked on, roughly in users or requests?",
        "Why did you move on from your last role?",
      ],
      signals: ["career-story", "experience-match", "clear-communication"],
      levels: ["entry", "mid", "senior"],
      difficulty: "easy",
    },
    {
      key: "rs-why-this-role",
      roundType: "recruiter-screen",
      title: "Why this role",
      prompt:
        "What made you apply for this role, and what are you looking for in your next team? Which parts of the job description match work you have already done, and which would be new to you?",
      probes:
        "The candidate's motivation, whether they understand what the team does, and how honestly they describe the overlap and gaps in their experience.",
      followUps: [
        "What would make you turn down an offer from us?",
        "Which gap in your experience do you think would take longest to close?",
      ],
      signals: ["motivation", "experience-match", "clear-communication"],
      levels: ["entry", "mid", "senior"],
      difficulty: "easy",
    },
    {
      key: "rs-timeline-logistics",
      roundType: "recruiter-screen",
      title: "Timeline and logistics",
      prompt:
        "Let's cover logistics. When could you start, where would you like to work from, and are you in other processes with deadlines I should know about? What level and pay range are you expecting?",
      probes:
        "Availability, location and level expectations, and any competing timelines, so the loop can be scheduled realistically.",
      followUps: [
        "Is there anything that would stop you from relocating or coming into the office?",
        "If another offer arrives first, how much time could you give us?",
      ],
      signals: ["logistics", "clear-communication"],
      levels: ["entry", "mid", "senior"],
      difficulty: "easy",
    },

    // ───────────────────────────── Technical screen ─────────────────────────────
    {
      key: "ts-session-lengths",
      roundType: "technical-screen",
      title: "Longest user session",
      prompt:
        "You get a list of events, each with a user id and a timestamp in seconds, in no particular order. A user's session ends after 30 minutes with no activity. Write a function that returns each user's longest session length. Ask me anything you need about the input first.",
      probes:
        "Grouping with a hash map, sorting within each group, handling of the session boundary, single-event sessions and empty input, and a clear statement of complexity.",
      followUps: [
        "What if the events arrive already sorted by timestamp, in a stream?",
        "How would you test the exact 30-minute boundary?",
        "What changes if the timeout differs per user?",
      ],
      signals: ["clarifies-problem", "problem-solving", "complexity", "tests-solution", "communication"],
      levels: ["entry", "mid"],
      difficulty: "medium",
    },
    {
      key: "ts-dedupe-retries",
      roundType: "technical-screen",
      title: "Deduplicate retried requests",
      prompt:
        "Clients retry requests, so our request log contains duplicates that share a request id. Write a function that removes the duplicates, keeps the first copy of each and preserves the original order. Then change it so that two records only count as duplicates if they arrive within five seconds of each other.",
      probes:
        "Use of a set or map for seen ids, keeping order stable, adapting cleanly to a changed requirement, and choosing tests for the time-window rule.",
      followUps: [
        "How much memory does your solution use, and how could you bound it for a log that never ends?",
        "Which edge cases would you test for the five-second rule?",
      ],
      signals: ["clarifies-problem", "problem-solving", "code-quality", "tests-solution", "communication"],
      levels: ["entry", "mid"],
      difficulty: "easy",
    },
    {
      key: "ts-debug-pagination",
      roundType: "technical-screen",
      title: "Debug a pagination helper",
      prompt:
        "Here is a short function that splits a list of records into pages for an API response. Users report that the last record sometimes never shows up. Find the bug, fix it and write tests that would have caught it.",
      probes:
        "Methodical debugging of an off-by-one error, reading unfamiliar code, writing tests at page boundaries and explaining the root cause.",
      followUps: [
        "What happens when the page size is zero or negative?",
        "How would you change this to use a cursor instead of page numbers, and why might you want to?",
      ],
      signals: ["debugging", "tests-solution", "code-quality", "communication"],
      levels: ["entry", "mid"],
      difficulty: "easy",
    },

    // ───────────────────────────────── Coding ─────────────────────────────────
    {
      key: "api-rate-limiter",
      roundType: "coding",
      title: "API rate limiter",
      guidePrompt: "API rate limiter",
      prompt:
        "Implement a rate limiter that a web service calls before handling each request. Given a client id and a timestamp, it returns whether the request is allowed, with each client limited to N requests in any window of W seconds. Keep everything in memory in a single process for now. Talk me through your approach before writing code.",
      probes:
        "Choosing between a fixed window, a sliding log and a token bucket; per-client state in a hash map; behaviour at window boundaries; memory growth with many clients; tests around the limit.",
      followUps: [
        "How would you stop memory from growing without bound as new clients appear?",
        "What changes if several threads call the limiter at once?",
        "How would the design change if the limit had to hold across ten servers?",
      ],
      signals: ["clarifies-inputs", "data-structure-fluency", "brute-force-tradeoff", "testing", "communication"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "top-k-frequent-items",
      roundType: "coding",
      title: "Top-k frequent items",
      guidePrompt: "Top-k frequent items",
      prompt:
        "You receive a stream of item ids, such as product views. Write code that can return, at any moment, the k items seen most often so far. Assume for now that the counts fit in memory. Tell me what you would like to know about the input before you start.",
      probes:
        "Counting with a hash map, a size-k heap versus sorting everything, the cost of updates versus queries, and how ties are broken.",
      followUps: [
        "What if k is close to the number of distinct items?",
        "What if there are too many distinct items to count exactly?",
        "How would you return the top k for only the last hour?",
      ],
      signals: ["clarifies-inputs", "complexity-choice", "data-structure-fluency", "brute-force-tradeoff"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "merge-booking-windows",
      roundType: "coding",
      title: "Merge overlapping booking windows",
      guidePrompt: "Merge overlapping intervals",
      prompt:
        "A booking system stores reserved time windows as start and end pairs, in no particular order. Write a function that merges any windows that overlap and returns the result sorted by start time. Let's first agree how to treat windows that only touch at an end point.",
      probes:
        "Sort-then-sweep over intervals, careful boundary conditions, O(n log n) reasoning and tests for nested, touching and identical windows.",
      followUps: [
        "Given the merged list, how would you check quickly whether a new booking fits?",
        "How would you support adding windows one at a time efficiently?",
        "What changes if the input is already sorted?",
      ],
      signals: ["clarifies-inputs", "complexity-choice", "code-organization", "testing"],
      levels: ["entry", "mid"],
      difficulty: "easy",
    },
    {
      key: "job-dependency-cycle",
      roundType: "coding",
      title: "Cycle in a job dependency graph",
      guidePrompt: "Cycle in a job dependency graph",
      prompt:
        "A build system runs jobs that can depend on other jobs. Given the jobs and their dependencies, return an order in which all of them can run. If no such order exists, report one cycle that blocks them.",
      probes:
        "Modelling the input as a directed graph, DFS with visit states or Kahn's topological sort, reconstructing the cycle, and handling dependencies on unknown jobs.",
      followUps: [
        "How would you find which jobs can run in parallel?",
        "What if dependencies can be added while jobs are running?",
        "How should the function react to a dependency on a job that does not exist?",
      ],
      signals: ["clarifies-inputs", "data-structure-fluency", "testing", "narrates-decisions"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "lru-cache",
      roundType: "coding",
      title: "LRU cache",
      guidePrompt: "LRU cache",
      prompt:
        "Build a cache with a fixed capacity that supports get and put, both in constant time. When the cache is full, adding a new key evicts the key that was used least recently. Before writing code, tell me which structures you will combine and why.",
      probes:
        "Combining a hash map with a doubly linked list, keeping both in sync as state changes, updating an existing key, and capacity edge cases such as one or zero.",
      followUps: [
        "How would you make the cache safe to use from several threads?",
        "How would you add a time-to-live for each entry?",
        "How would you test that the eviction order is right?",
      ],
      signals: ["data-structure-fluency", "complexity-choice", "code-organization", "testing"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "log-anomalies",
      roundType: "coding",
      title: "Anomalous events in service logs",
      guidePrompt: "Anomalous events in service logs",
      prompt:
        "Here is a sample of log lines, each with a timestamp, a level, a service name and a message. Write a program that reads them and reports every minute in which a service logged more than three times its average error count over the previous ten minutes. Expect some lines to be malformed.",
      probes:
        "Robust parsing, a sliding-window aggregation per service, a precise definition of an anomaly, dealing with malformed lines and keeping memory bounded.",
      followUps: [
        "How would you handle a log file too large to fit in memory?",
        "How would you avoid flagging a service that has only just started receiving traffic?",
        "What would you change to run this continuously on a live stream?",
      ],
      signals: ["clarifies-inputs", "brute-force-tradeoff", "code-organization", "testing", "communication"],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "top-failing-endpoints",
      roundType: "coding",
      title: "Top failing endpoints",
      guidePrompt: "Top failing endpoints",
      prompt:
        "You are given access-log records with a timestamp, an HTTP method, a path and a status code. Write a function that returns the five endpoints with the most server errors in the hour before a given time. Explain how you will group paths that contain ids, such as /orders/123.",
      probes:
        "Parsing, normalising paths, filtering to a time window, aggregating with a hash map, selecting the top entries and stating the complexity of each step.",
      followUps: [
        "What if this has to be answered every few seconds over a live stream?",
        "Should endpoints be ranked by error count or error rate, and what changes?",
        "How would you test the edges of the one-hour window?",
      ],
      signals: ["clarifies-inputs", "data-structure-fluency", "complexity-choice", "testing"],
      levels: ["entry", "mid"],
      difficulty: "medium",
    },

    // ───────────────────────────── System design ─────────────────────────────
    {
      key: "url-shortener",
      roundType: "system-design",
      title: "URL shortener",
      guidePrompt: "URL shortener",
      prompt:
        "Design a service that turns long URLs into short links and redirects anyone who opens a short link. Assume a public product that creates millions of links a day and serves far more redirects than creations. Start by agreeing the requirements with me, then walk me through your design.",
      probes:
        "Short-code generation (counter, hash or random) and collisions, a read-heavy path with caching, storage choice, custom aliases and expiry, and how far to scale the first version.",
      followUps: [
        "How do you generate codes without collisions across many servers?",
        "How would you add click analytics without slowing down redirects?",
        "What would you do about short links that point to malware?",
      ],
      signals: ["requirements", "entities-and-apis", "storage", "scaling", "tradeoffs-and-evolution"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "notification-service",
      roundType: "system-design",
      title: "Notification service",
      guidePrompt: "Notification service",
      prompt:
        "Design a service that other teams call to notify users by email, push and SMS. Users choose which channels they want for each kind of message, and some messages are urgent. Walk me through how a request becomes a delivered notification, and what happens when a provider fails.",
      probes:
        "Queues and worker pools per channel, deduplication, retries with backoff and a dead-letter queue, user preferences, the differences between email, push and SMS, and isolating urgent traffic.",
      followUps: [
        "How do you make sure a user never receives the same notification twice?",
        "The SMS provider is down for an hour. What happens?",
        "How would you stop a bulk marketing send from delaying password-reset emails?",
      ],
      signals: [
        "entities-and-apis",
        "architecture",
        "failure-and-observability",
        "explains-mechanics",
        "tradeoffs-and-evolution",
      ],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "distributed-cache",
      roundType: "system-design",
      title: "Distributed cache",
      guidePrompt: "Distributed cache",
      prompt:
        "Design a distributed in-memory cache that many services use to store key-value data with an expiry. It has to spread data across many nodes and keep working when a node is lost. Explain how a client finds the node for a key and what happens when nodes are added or removed.",
      probes:
        "Consistent hashing, replication, eviction policy, hot keys, consistency with the source of truth, and client-side versus proxy routing.",
      followUps: [
        "How do you deal with a single key that receives a huge share of the traffic?",
        "What can a client expect to read immediately after a write?",
        "How would you rebalance data when adding ten nodes at once?",
      ],
      signals: [
        "architecture",
        "scaling",
        "failure-and-observability",
        "explains-mechanics",
        "tradeoffs-and-evolution",
      ],
      levels: ["mid", "senior"],
      difficulty: "hard",
    },
    {
      key: "file-metadata-service",
      roundType: "system-design",
      title: "File metadata service",
      guidePrompt: "File metadata service",
      prompt:
        "Design the service that stores metadata for a cloud file storage product: names, folders, owners, sizes, versions and sharing permissions. The file contents live in a separate blob store. Users list folders, move and rename files and share them with others, and they expect these actions to feel instant.",
      probes:
        "A data model for the folder hierarchy, indexes for listing, fast permission checks, consistency of moves and renames, partitioning by user or tenant, and keeping metadata in step with the blob store.",
      followUps: [
        "How would you move a folder that contains a hundred thousand files?",
        "How do you check permissions quickly on a deeply nested shared folder?",
        "How do you keep metadata and blobs consistent if an upload fails halfway?",
      ],
      signals: ["requirements", "entities-and-apis", "storage", "scaling", "failure-and-observability"],
      levels: ["mid", "senior"],
      difficulty: "hard",
    },
    {
      key: "background-task-queue",
      roundType: "system-design",
      title: "Task queue for background jobs",
      guidePrompt: "Task queue for background jobs",
      prompt:
        "Design a task queue that lets web services hand off slow work, such as resizing images or building reports, to background workers. Producers should get a quick acknowledgement, and every task should eventually run even if workers crash. Explain how a task moves from submission to completion.",
      probes:
        "Durable task storage, visibility timeouts, retries with backoff, poison messages and a dead-letter queue, at-least-once delivery with idempotent handlers, and scaling workers with load.",
      followUps: [
        "A worker picks up a task and then crashes. Walk me through what happens next.",
        "One task fails every time it runs. How does the system cope?",
        "How would you scale the worker pool up and down with demand?",
      ],
      signals: ["requirements", "architecture", "scaling", "failure-and-observability", "explains-mechanics"],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "chat-backend",
      roundType: "system-design",
      title: "Chat backend",
      guidePrompt: "Chat backend",
      prompt:
        "Design the backend for a chat app with one-to-one and group conversations. Messages should reach online users within a second, and users who were offline should see what they missed when they return. Tell me what you need to know about scale before you start.",
      probes:
        "Persistent connections, message fan-out, ordering within a conversation, storage partitioned by conversation, delivery and read receipts, presence and catching up after being offline.",
      followUps: [
        "How do you keep messages in order within a conversation?",
        "How does delivery work for a group with ten thousand members?",
        "What happens to a message if the server holding the recipient's connection dies?",
      ],
      signals: ["requirements", "architecture", "storage", "scaling", "failure-and-observability"],
      levels: ["mid", "senior"],
      difficulty: "hard",
    },
    {
      key: "logging-monitoring-pipeline",
      roundType: "system-design",
      title: "Logging and monitoring pipeline",
      guidePrompt: "Logging and monitoring pipeline",
      prompt:
        "Design a pipeline that collects logs and metrics from thousands of services, lets engineers search recent logs and raises alerts when error rates climb. Traffic is spiky, and volume peaks exactly when there is an incident. Walk me through collection, transport, storage and alerting.",
      probes:
        "Collection agents, buffering and backpressure, durable transport, hot and cold storage, indexing cost, sampling and retention, alert evaluation, and monitoring the pipeline itself.",
      followUps: [
        "What happens when log volume triples during an incident?",
        "How would you keep storage costs under control?",
        "How do you know the monitoring system itself is healthy?",
      ],
      signals: [
        "architecture",
        "scaling",
        "failure-and-observability",
        "explains-mechanics",
        "tradeoffs-and-evolution",
      ],
      levels: ["mid", "senior"],
      difficulty: "hard",
    },
    {
      key: "global-user-profile",
      roundType: "system-design",
      title: "Global user-profile service",
      guidePrompt: "Global user-profile service",
      prompt:
        "Design a service that stores user profiles for a product used in many countries. Profiles are read on nearly every request and updated now and then, and some countries require their residents' data to stay in the region. Explain how you would serve reads quickly everywhere while respecting those rules.",
      probes:
        "Partitioning by user and by region, replication and read latency, consistency of updates, privacy and data-residency rules, and what happens when a region becomes unavailable.",
      followUps: [
        "A user moves to another country. What happens to their data?",
        "A region goes offline. Which users are affected, and how?",
        "How would you honour a request to delete everything about a user?",
      ],
      signals: ["requirements", "storage", "scaling", "failure-and-observability", "tradeoffs-and-evolution"],
      levels: ["senior"],
      difficulty: "hard",
    },
    {
      key: "public-api-rate-limiter",
      roundType: "system-design",
      title: "Public API rate limiter",
      guidePrompt: "Public API rate limiter",
      prompt:
        "Design the rate-limiting layer for a public API used by thousands of customer accounts, each on a plan that sets its limits. The limits must hold even though requests land on many API servers in several regions. Describe the algorithm, where the counters live and what a client sees when it is limited.",
      probes:
        "Token or leaky bucket versus sliding windows, distributed counters in a central store or synchronised locally, per-tenant policy, accuracy versus added latency, and failing open or closed when the counter store is down.",
      followUps: [
        "What should happen if the counter store cannot be reached?",
        "How exact do the limits need to be, and what does exactness cost?",
        "How would you let a large customer burst above its limit for a short time?",
      ],
      signals: [
        "entities-and-apis",
        "scaling",
        "failure-and-observability",
        "explains-mechanics",
        "tradeoffs-and-evolution",
      ],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },

    // ───────────────────────────── Backend depth ─────────────────────────────
    {
      key: "idempotent-payment-endpoint",
      roundType: "backend-depth",
      title: "Idempotent payment endpoint",
      guidePrompt: "Idempotent payment endpoint",
      prompt:
        "We have an endpoint that creates an order and charges the customer's card through a payment provider. Clients on unreliable mobile networks retry when they time out, and some customers have been charged twice. How would you change the endpoint so that a retry can never produce a second charge?",
      probes:
        "Idempotency keys, storing the outcome of a request, unique constraints, duplicates in flight at the same moment, using the provider's own idempotency support, and recovering from a crash mid-request.",
      followUps: [
        "Two identical requests arrive at the same moment on different servers. What happens?",
        "The provider charged the card but our server crashed before saving the result. How do you recover?",
        "How long should idempotency keys be kept, and why?",
      ],
      signals: ["idempotency", "concurrency", "dependency-failure", "communication"],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "cache-goes-down",
      roundType: "backend-depth",
      title: "Cache goes down",
      guidePrompt: "Cache goes down",
      prompt:
        "Our product pages come from a service that reads through a shared cache in front of the database, and the cache absorbs about 95% of reads. One afternoon the cache cluster becomes unreachable. Walk me through what happens, minute by minute, and how you would design the service to survive it.",
      probes:
        "The flood of traffic onto the database, timeouts, circuit breakers, degraded modes, request coalescing, warming the cache back up and the alerts that would surface the problem.",
      followUps: [
        "The cache comes back empty. How do you refill it without overloading the database?",
        "Which features would you switch off first, and how?",
        "Which alerts would have told you this was happening?",
      ],
      signals: ["dependency-failure", "production-reliability", "concurrency", "communication"],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "schema-evolution",
      roundType: "backend-depth",
      title: "Schema evolution of a busy service",
      guidePrompt: "Schema evolution",
      prompt:
        "A heavily used orders service stores each customer's address in a single text column, and we now need separate street, city and postal code fields. The table has hundreds of millions of rows, several services read it and we cannot take downtime. Describe how you would make this change from start to finish.",
      probes:
        "An expand-and-contract plan, batched backfills, dual writes, backward-compatible APIs, a rollout and rollback plan, and verifying the migrated data.",
      followUps: [
        "How do you backfill without locking the table or overloading the database?",
        "Another team's service still reads the old column. How do you coordinate?",
        "Halfway through, you find bad data in the new columns. What now?",
      ],
      signals: ["schema-evolution", "production-reliability", "communication"],
      levels: ["mid", "senior"],
      difficulty: "hard",
    },
    {
      key: "flash-sale-inventory",
      roundType: "backend-depth",
      title: "Contended inventory counter",
      prompt:
        "During a flash sale, thousands of customers try to buy the same item at once, and every purchase decrements a stock count held in one database row. Checkouts slow to a crawl, and sometimes we sell more units than we had. Explain what is going on and how you would fix it.",
      probes:
        "Recognising the race and the hot row, atomic conditional updates versus locks, reserving stock through a queue, splitting the counter, and limiting abusive clients.",
      followUps: [
        "If you queue purchase requests, which delivery guarantees do you need, and how do you handle duplicates?",
        "How would you rate limit one customer who keeps hammering the checkout?",
        "How would you prove that overselling can no longer happen?",
      ],
      signals: ["concurrency", "queues-and-rate-limits", "production-reliability", "communication"],
      levels: ["mid", "senior"],
      difficulty: "hard",
    },

    // ─────────────────────────────── Behavioral ───────────────────────────────
    {
      key: "disagreed-technical-decision",
      roundType: "behavioral",
      title: "Disagreed with a technical decision",
      guidePrompt: "Disagreed with a technical decision",
      prompt:
        "Tell me about a time you disagreed with a technical decision made by your team or by someone more senior. What was the decision, and why did you disagree? What did you do about it, and how did it end?",
      probes:
        "Whether the candidate influences with evidence rather than force, respects the other side, and commits once a decision is made.",
      followUps: [
        "What evidence did you bring to the discussion?",
        "What did the other side get right?",
        "If the decision went against you, how did you support it afterwards?",
      ],
      signals: ["influence", "collaboration", "ownership", "story-structure"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "production-incident",
      roundType: "behavioral",
      title: "Production incident you helped resolve",
      guidePrompt: "Production incident",
      prompt:
        "Tell me about a production incident you helped resolve. Start with how you found out, then walk me through what you personally did during the incident and afterwards. What changed as a result?",
      probes:
        "Composure under pressure, ownership of the response, attention to customer impact and the follow-up that prevented a repeat.",
      followUps: [
        "How did you decide what to do first?",
        "How did you keep customers and stakeholders informed?",
        "What did you change so it could not happen again?",
      ],
      signals: ["ownership", "ambiguity", "customer-impact", "learning", "story-structure"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "requirements-changed-midstream",
      roundType: "behavioral",
      title: "Requirements changed midstream",
      guidePrompt: "Requirements changed midstream",
      prompt:
        "Tell me about a project where the requirements changed significantly after work had started. What changed, and how did you find out? How did you decide what to keep, what to redo and how to reset expectations?",
      probes:
        "Adapting calmly to change, working with product and stakeholders, and keeping the customer outcome in view while replanning.",
      followUps: [
        "What did the change cost, and who had to agree to that?",
        "Looking back, could the change have been spotted earlier?",
      ],
      signals: ["ambiguity", "collaboration", "customer-impact", "story-structure"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "improved-reliability-performance",
      roundType: "behavioral",
      title: "Improved reliability or performance",
      guidePrompt: "Improved reliability or performance",
      prompt:
        "Tell me about a time you made a system noticeably more reliable or faster. How did you know there was a problem, and how did you decide what to fix first? What was the measured result?",
      probes:
        "Ownership of a technical improvement, using data to prioritise and persuade, and tying the work to the effect on users.",
      followUps: [
        "How did you get time for this work approved?",
        "What did you try that did not help?",
        "How did you make sure the improvement held over time?",
      ],
      signals: ["ownership", "customer-impact", "influence", "story-structure"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "failure-and-lesson",
      roundType: "behavioral",
      title: "A failure and its lesson",
      guidePrompt: "A failure and its lesson",
      prompt:
        "Tell me about a time something you were responsible for failed. What happened, and which part of it was down to you? What do you do differently now because of it?",
      probes:
        "Honest ownership of a real failure, understanding of its cause and a concrete change in behaviour since.",
      followUps: [
        "When did you first realise it was going wrong?",
        "Who else did you tell, and how?",
        "Can you give an example of the lesson paying off later?",
      ],
      signals: ["learning", "ownership", "story-structure"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "tech-debt-vs-features",
      roundType: "behavioral",
      title: "Technical debt versus features",
      guidePrompt: "Technical debt versus features",
      prompt:
        "Tell me about a time you had to choose between paying down technical debt and shipping features. How did you weigh the two, and who did you need to convince? What happened afterwards?",
      probes:
        "Judgment about cost and risk, persuading stakeholders with data, and keeping the customer in view when choosing between debt and features.",
      followUps: ["How did you put a cost on the debt?", "What would you have done if the answer had been no?"],
      signals: ["influence", "customer-impact", "collaboration", "ambiguity"],
      levels: ["mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "incomplete-requirements",
      roundType: "behavioral",
      title: "Incomplete requirements",
      guidePrompt: "Incomplete requirements",
      prompt:
        "Tell me about a time you were asked to build something with unclear or incomplete requirements. How did you work out what was actually needed? What did you decide without full information, and how did it turn out?",
      probes:
        "Staying composed and making progress amid ambiguity, working with stakeholders to fill gaps and keeping the user's need at the centre.",
      followUps: [
        "Which assumptions turned out to be wrong, and how did you find out?",
        "How did you keep stakeholders aligned as the picture changed?",
      ],
      signals: ["ambiguity", "collaboration", "customer-impact", "story-structure"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },

    // ───────────────────────────── Hiring manager ─────────────────────────────
    {
      key: "hm-most-impactful-work",
      roundType: "hiring-manager",
      title: "Most impactful recent work",
      prompt:
        "Tell me about the most impactful piece of work you've done in the last couple of years. What was its scope, what was your role compared with others, and how did you measure the result?",
      probes:
        "The scope and impact the candidate has owned, how they chose what to work on, and how clearly they describe their own contribution.",
      followUps: [
        "What would you do differently if you started it again?",
        "Who else would you credit with its success?",
        "What did you decide not to do, and why?",
      ],
      signals: ["scope-and-impact", "judgment", "working-style"],
      levels: ["entry", "mid", "senior"],
      difficulty: "medium",
    },
    {
      key: "hm-team-problems",
      roundType: "hiring-manager",
      title: "Fit with our team's problems",
      prompt:
        "I'll describe what our team owns and the problems in front of us right now. Which of these have you dealt with before, and where would you expect to need time to ramp up? How would you spend your first three months?",
      probes:
        "How the candidate's experience maps to the team's stack, scale and current problems, and how realistically they plan their start.",
      followUps: [
        "Which of our problems would you want to work on first, and why?",
        "What would you need from me to be effective quickly?",
      ],
      signals: ["team-fit", "scope-and-impact", "growth"],
      levels: ["entry", "mid", "senior"],
      difficulty: "easy",
    },
    {
      key: "hm-feedback-growth",
      roundType: "hiring-manager",
      title: "Feedback and growth",
      prompt:
        "Tell me about a piece of critical feedback you received and what you did with it. What do you want to get better at over the next year, and how can a manager help you? What does a good working week look like for you?",
      probes:
        "Openness to feedback, concrete growth goals and how the candidate likes to work and communicate with a manager and team.",
      followUps: [
        "How do you prefer to receive feedback?",
        "Tell me about a time you gave difficult feedback to a peer.",
      ],
      signals: ["growth", "working-style", "team-fit"],
      levels: ["entry", "mid", "senior"],
      difficulty: "easy",
    },
  ],
};
