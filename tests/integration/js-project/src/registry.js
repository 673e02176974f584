export const registry = new FinalizationRegistry((/** @type {{ folder: object }} */ held) => {
  console.log('dropped', held);
});

/** @param {object} folder */
export function watch(folder) {
  registry.register(folder, { folder });
}
