export const Registry = new FinalizationRegistry((held: { folder: object }) => {
  console.log('dropped', held);
});
