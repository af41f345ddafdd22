package c2c

import gen "github.com/frameio-go/frameio-go/gen/c2c"

// The API's resources, generated from api/c2c.codegen.yaml into gen/c2c.
type (
	// Device is the project device GET /v2/devices/me describes: its
	// project, authorization, status and channels.
	Device = gen.ProjectDevice
	// Channel is one channel of a device (its sub-devices and itself).
	Channel = gen.ProjectDeviceChannel
	// DeviceStatus is online, offline or paused.
	DeviceStatus = gen.ProjectDeviceStatus
	// Asset is a created C2C asset; regular assets carry UploadUrls.
	Asset = gen.DeviceAsset
	// Comment is a comment left by the device.
	Comment = gen.Comment
	// Account is an account the device may be paired with.
	Account = gen.PairableAccount
	// Project is a project the device may be paired with.
	Project = gen.PairableProject
	// Timecode is a SMPTE timecode with its frame rate.
	Timecode = gen.SMPTETime
	// Rate is a timecode's frame rate.
	Rate = gen.SMPTERate
)

// The device statuses.
const (
	StatusOnline  = gen.ProjectDeviceStatusOnline
	StatusOffline = gen.ProjectDeviceStatusOffline
	StatusPaused  = gen.ProjectDeviceStatusPaused
)
