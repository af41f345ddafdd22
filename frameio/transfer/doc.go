// Package transfer moves file content to and from Frame.io: parallel,
// retrying, observable local uploads to the presigned upload URLs, remote
// uploads, uploads as new versions, whole-directory uploads, helpers that
// wait until an upload is complete or transcoded, and resumable downloads of
// a file's media links.
//
// An Uploader and a Downloader wrap a *frameio.Client, used for the API
// calls, and a separate plain *http.Client, used for the presigned object
// store URLs, so the Frame.io bearer token is never sent to them:
//
//	up, err := transfer.NewUploader(client, transfer.WithProgressBar(os.Stderr))
//	res, err := up.UploadFile(ctx, accountID, folderID, "clip.mov")
//
// Reuse one Uploader (and one Downloader): they are safe for concurrent
// use and keep their object store connections open between transfers.
// Without WithHTTPClient they all share one default transport, HTTP/1.1
// so that each part or range in flight has its own connection, keeping
// MaxIdleConnsPerHost idle connections per host.
//
// # Uploads
//
// files.create-local-upload returns one presigned URL per part with the
// part's size. The content is split exactly as those sizes say (they must
// add up to the file size), and the parts are PUT in parallel (WithConcurrency,
// default 5) with "x-amz-acl: private" and a Content-Type equal to the
// file's media type. Each part is streamed from an io.SectionReader, so
// memory does not grow with the file size. A part that fails with a 5xx,
// 408, 429, a timeout or a connection error is retried from its first byte
// (WithMaxRetries, default 3, after 1 s, 2 s, 4 s plus jitter); a 403 from
// the object store, which almost always means the presigned URL expired, is
// reported at once as a *PartError with Expired set. A part that moves no
// byte for WithStallTimeout (default 2 min, the wait for the answer
// included) is abandoned and retried the same way, as is a stalled
// download range. Every failed part is reported (UploadError.PartErrors),
// and UploadContent with WithOnlyParts sends just those again.
//
// # Downloads
//
// A Downloader reads a file with its media link (WithRendition) and
// fetches the link with plain GETs. An original larger than one range is
// fetched in ranges, WithConcurrency (DefaultDownloadConcurrency, 8) at a
// time, each on its own connection, which is what lifts a store's
// per-connection rate: the first GET asks for the first range, and a 206
// that gives the object's size starts the others; a server that ignores
// Range (200) or gives no size gets one stream. DownloadFile writes each
// range of WithRangeSize (DefaultRangeSize, 8 MiB) at its offset in a
// temporary file renamed once complete; Download and DownloadURL write to
// an io.Writer in order, each range of WithBufferSize (DefaultBufferSize,
// 2 MiB) waiting in memory for its turn, so they hold at most the
// concurrency times the buffer size. Each range is retried and resumed on
// its own from the byte it reached (WithMaxRetries, WithMaxResumes); a
// range that fails for good stops the others.
//
// # Progress
//
// WithProgress registers a callback that receives the cumulative number of
// bytes moved and the total, as bytes move. The count never goes back, even
// when a part is retried, and ends at the total. WithProgressBar draws a
// throttled one-line terminal bar.
//
// # Errors
//
// Failures are typed and reachable with errors.As: *UploadError (carries the
// created file ID), *PartError, *PartSizeError, *SourceError (the content
// ended early or could not be read: not retried), *UploadFailedError,
// *WaitTimeoutError, *LinkUnavailableError, *SizeMismatchError, *FileError.
// API failures keep the *frameio.Error or *frameio.RequestError of the
// client in their chain.
//
// # Secrets
//
// A presigned URL is a credential: whoever holds it can write the part or
// read the file until it expires. The Frame.io token is never sent to one.
// In errors and log lines a presigned URL appears without its query
// string, and the values of its signature, credential and security-token
// parameters (and the key id of an S3 credential) are scrubbed from every
// error message and body excerpt, including Go's own *url.Error for a
// failed connection and an object store's error body that echoes them. No
// error keeps them, however it is printed (%v, %+v, %#v, slog); a Link
// prints without its query, and UploadResult and DownloadResult log (slog)
// a summary. A remote upload's source URL gets the same care in the API's
// errors. The results hold the URLs as the API returned them
// (UploadResult.File's upload URLs, Link.URL, the media links of the
// files): treat those as secrets.
//
// # Waits
//
// Every wait ends with the context and has a bound: a retry waits at most
// WithRetryBackoff's maximum (30 s) plus jitter; an attempt that moves no
// byte for WithStallTimeout (2 min) is abandoned; a download (each of its
// ranges) resumes at most WithMaxResumes (20) times; a status poll waits
// at most WithPollInterval's maximum (10 s), and a wait helper gives up
// after WithWaitTimeout (1 h). API calls are bounded by the
// frameio.Client.
//
// # Where things live
//
// upload.go holds [Uploader], Upload, UploadFile and UploadContent; job.go
// the upload job each of them runs (its content, config, batch, media type
// and progress) and the creation of the file with Files.CreateLocalUpload;
// parts.go the parts: planned from the upload URLs, sent in parallel,
// retried. version.go, remote.go and folder_upload.go build on the job;
// wait.go holds the wait helpers and [Stage]. download.go holds
// [Downloader]; fetch.go, ranges.go, span.go and flush.go the ranged,
// resumable GETs. options.go holds every [Option] over one config (bad
// values are reported by the constructor or the call), defaults.go the
// values they start from and why; progress.go, progressbar.go, stall.go,
// retry.go and transport.go the progress, stall, retry and connection
// machinery; errors.go the typed errors.
package transfer
