declare class Ambient {
  parent: Ambient | null;
}

declare namespace Vendor {
  class Widget {
    parent: Widget | null;
  }
}

export type AmbientParent = Ambient['parent'];
export type VendorParent = Vendor.Widget['parent'];
