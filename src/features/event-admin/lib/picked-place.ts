/** A place chosen on the map: coordinates and, when the map knows them, its name and address. */
export type PickedPlace = { lat: number; lng: number; name?: string; address?: string }
