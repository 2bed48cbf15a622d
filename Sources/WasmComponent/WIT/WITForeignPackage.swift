/// A package the world's interfaces come from, printed after the world as
/// `package ns:pkg@1.0.0 { interface ... }`.
struct WITForeignPackage {
    /// Any of its interfaces' paths; names the package.
    var path: WITInterfacePath
    /// Its interfaces in the order the component first mentions them, each holding every type
    /// and function any import or export of it mentions.
    var interfaces: [InterfaceDescription]
}
