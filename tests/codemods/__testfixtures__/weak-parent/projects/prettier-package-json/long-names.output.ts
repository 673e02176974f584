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
                value == null ? value : this.#weakRefTo(value);
        }
        #owningDocumentFragmentNode: WeakRef<DocumentFragmentNode> | null =
            null;
        readonly fragments: DocumentFragmentNode[] = [];
        #weakRefTo<T extends object>(target: T): WeakRef<T> {
            if (!(#weakRefToThis in target)) return new WeakRef(target);
            let ref = target.#weakRefToThis;
            if (ref === undefined) {
                ref = new WeakRef(target);
                target.#weakRefToThis = ref;
            }
            return ref as WeakRef<T>;
        }
        #weakRefToThis: WeakRef<object> | undefined = undefined;
    }
}
