package transfer

import (
	"github.com/frameio-go/frameio-go/frameio"
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
func (r Rendition) include() (gen.FileWithMediaLinksInclude, bool) {
	switch r {
	case RenditionOriginal:
		return gen.FileWithMediaLinksIncludeMediaLinksOriginal, true
	case RenditionHighQuality:
		return gen.FileWithMediaLinksIncludeMediaLinksHighQuality, true
	case RenditionEfficient:
		return gen.FileWithMediaLinksIncludeMediaLinksEfficient, true
	case RenditionVideoH264180:
		return gen.FileWithMediaLinksIncludeMediaLinksVideoH264180, true
	case RenditionThumbnail:
		return gen.FileWithMediaLinksIncludeMediaLinksThumbnail, true
	case RenditionThumbnailHighQuality:
		return gen.FileWithMediaLinksIncludeMediaLinksThumbnailHighQuality, true
	case RenditionScrubSheet:
		return gen.FileWithMediaLinksIncludeMediaLinksScrubSheet, true
	}
	return "", false
}

// downloadURL returns the rendition's download URL from links, "" when the
// link is absent or null.
func (r Rendition) downloadURL(links *gen.MediaLinksCollection) string {
	if links == nil {
		return ""
	}
	get := frameio.Value[string]
	switch r {
	case RenditionOriginal:
		if links.Original != nil {
			return get(links.Original.DownloadURL)
		}
	case RenditionHighQuality:
		if links.HighQuality != nil {
			return get(links.HighQuality.DownloadURL)
		}
	case RenditionEfficient:
		if links.Efficient != nil {
			return get(links.Efficient.DownloadURL)
		}
	case RenditionVideoH264180, RenditionThumbnail, RenditionThumbnailHighQuality, RenditionScrubSheet:
		l := map[Rendition]*gen.RenditionMediaLink{
			RenditionVideoH264180:         links.VideoH264180,
			RenditionThumbnail:            links.Thumbnail,
			RenditionThumbnailHighQuality: links.ThumbnailHighQuality,
			RenditionScrubSheet:           links.ScrubSheet,
		}[r]
		if l != nil {
			if s := get(l.DownloadURL); s != "" {
				return s
			}
			return get(l.URL)
		}
	}
	return ""
}
