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
// download. Every failed part is reported (UploadError.PartErrors), and
// UploadContent with WithOnlyParts sends just those again.
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
// *LinkUnavailableError, *SizeMismatchError, *FileError. API failures keep
// the *frameio.Error or *frameio.RequestError of the client in their chain.
package transfer
