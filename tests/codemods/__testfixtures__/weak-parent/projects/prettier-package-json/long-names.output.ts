export namespace Widgets {
    export class DocumentFragmentNode {
        get owningDocumentFragmentNode(): DocumentFragmentNode | null {
            const ref = this.#owningDocumentFragmentNode;
            if (ref == null) return ref;
            const target = ref.deref();
            if (target === undefined) {
                throw new ReferenceError(
                    'DocumentFragmentNode.owningDocumentFragmentNode is no longer available: the object it referred to has been garbage-collected.'
                );
            }
            return target;
        }
        set owningDocumentFragmentNode(value: DocumentFragmentNode | null) {
            this.#owningDocumentFragmentNode =
                value == null ? value : DocumentFragmentNode.#weakRefTo(value);
        }
        #owningDocumentFragmentNode: WeakRef<DocumentFragmentNode> | null =
            null;
        readonly fragments: DocumentFragmentNode[] = [];
        #selfRef: WeakRef<object> | undefined;
        static #weakRefTo<T extends object>(target: T): WeakRef<T> {
            if (!(#selfRef in target)) return new WeakRef(target);
            target.#selfRef ??= new WeakRef(target);
            return target.#selfRef as WeakRef<T>;
        }
    }
}
