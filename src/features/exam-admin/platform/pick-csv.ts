// Default build of pick-csv for Jest and tsc; Taro picks pick-csv.h5.ts or pick-csv.weapp.ts per platform.
export { pickCsvText } from './pick-csv.h5'
