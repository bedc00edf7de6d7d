export { writeFileAtomic } from './fs';
export { main, mainHelp } from './main';
