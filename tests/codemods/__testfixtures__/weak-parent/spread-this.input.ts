export class Frame {
  parent: Frame | null = null;
  label = '';

  clone(): Frame {
    return Object.assign(new Frame(), { ...this });
  }
}
