package insight

import "github.com/quietlegs/quietlegs/night"

// RoomID is the item of the comparison "the bedroom was RoomBandC or
// warmer", against nights it was cooler. Only nights whose evening log
// gives the bedroom's temperature count, and the comparison is made only
// once some night has one; it is tested and corrected with the others,
// by the same rules. No checklist id can hold "_".
const RoomID = "room_temp"

// RoomBandC is where the two temperature bands meet, in °C: fixed
// beforehand, not chosen from the data, so the comparison is not tuned
// to find a difference.
const RoomBandC = 19.0

// roomLabel is the comparison's label, in the person's unit.
func roomLabel(unit string) string {
	return "Bedroom " + night.FormatTemp(RoomBandC, unit) + " or warmer"
}

// anyRoomTemp reports whether some night gives the bedroom's temperature.
func anyRoomTemp(days []*facts) bool {
	for _, f := range days {
		if f != nil && f.hasTemp {
			return true
		}
	}
	return false
}
