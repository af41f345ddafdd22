package transfer

import (
	"github.com/frameio-go/frameio-go/gen"
)

// Rendition names one of a file's media links.
type Rendition string

// Renditions that can be downloaded. Only RenditionOriginal has the exact
// size of the uploaded file; the others are transcodes, null until the
// file is transcoded and subject to watermarking rules.
const (
	RenditionOriginal             Rendition = "original"
	RenditionHighQuality          Rendition = "high_quality"
	RenditionEfficient            Rendition = "efficient"
	RenditionVideoH264180         Rendition = "video_h264_180"
	RenditionThumbnail            Rendition = "thumbnail"
	RenditionThumbnailHighQuality Rendition = "thumbnail_high_quality"
	RenditionScrubSheet           Rendition = "scrub_sheet"
)

// include returns the files.show include value for r and whether r is known.
func (r Rendition) include() (gen.V4AccountsAccountIdFilesFileIdGetParametersInclude, bool) {
	switch r {
	case RenditionOriginal:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksOriginal, true
	case RenditionHighQuality:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksHighQuality, true
	case RenditionEfficient:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksEfficient, true
	case RenditionVideoH264180:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksVideoH264180, true
	case RenditionThumbnail:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksThumbnail, true
	case RenditionThumbnailHighQuality:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksThumbnailHighQuality, true
	case RenditionScrubSheet:
		return gen.V4AccountsAccountIdFilesFileIdGetParametersIncludeMediaLinksScrubSheet, true
	}
	return "", false
}

// downloadURL returns the rendition's download URL from links, "" when the
// link is absent or null.
func (r Rendition) downloadURL(links *gen.MediaLinksCollection) string {
	if links == nil {
		return ""
	}
	get := func(v interface{ Get() (string, error) }) string {
		s, err := v.Get()
		if err != nil {
			return ""
		}
		return s
	}
	switch r {
	case RenditionOriginal:
		if links.Original != nil {
			return get(links.Original.DownloadUrl)
		}
	case RenditionHighQuality:
		if links.HighQuality != nil {
			return get(links.HighQuality.DownloadUrl)
		}
	case RenditionEfficient:
		if links.Efficient != nil {
			return get(links.Efficient.DownloadUrl)
		}
	case RenditionVideoH264180, RenditionThumbnail, RenditionThumbnailHighQuality, RenditionScrubSheet:
		l := map[Rendition]*gen.RenditionMediaLink{
			RenditionVideoH264180:         links.VideoH264180,
			RenditionThumbnail:            links.Thumbnail,
			RenditionThumbnailHighQuality: links.ThumbnailHighQuality,
			RenditionScrubSheet:           links.ScrubSheet,
		}[r]
		if l != nil {
			if s := get(l.DownloadUrl); s != "" {
				return s
			}
			return get(l.Url)
		}
	}
	return ""
}
