// Package leaktest holds the end-to-end check of the SDK's promise about
// secrets: a full run with injected faults (uploads, downloads, retries,
// token refreshes, a sign-in, webhooks), debug logging on and every error
// printed, whose whole output is searched for every secret the run used.
// It has no API; the test is the content.
package leaktest
