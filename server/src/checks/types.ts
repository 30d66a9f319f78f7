// The contract between the engine and its checks lives in the engine (engine/check-api.ts), so the engine never
// imports this folder: the check list is handed to a Project by whoever builds one (CLI, server, tests).
export type { Check, Finding, ProjectView, Report, Diagnostic } from '../engine/check-api';
