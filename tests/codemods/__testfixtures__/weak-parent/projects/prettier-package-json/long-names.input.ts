export namespace Widgets {
    export class DocumentFragmentNode {
        owningDocumentFragmentNode: DocumentFragmentNode | null = null;
        readonly fragments: DocumentFragmentNode[] = [];
    }
}
