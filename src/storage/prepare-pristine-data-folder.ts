import { relative } from 'node:path';
import { preparePristineDataFolder, pristineDataFolderFile } from './pristine-data-folder.js';

// `npm run build`'s last step: the data folder every new embedded database starts from.
const file = await pristineDataFolderFile();
if ((await preparePristineDataFolder(file)) === 'prepared') {
  process.stdout.write(
    `prepared the embedded database's pristine data folder: ${relative(process.cwd(), file)}\n`,
  );
}
