export class Windows {
  parent: Windows | null = null;
}
