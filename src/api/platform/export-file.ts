// Default build of export-file for Jest and tsc; Taro picks export-file.h5.ts or export-file.weapp.ts per platform.
export { saveCsvFile } from './export-file.h5'
