/// Where a component names something, as error messages say it: "record field name 'x' ...".
package enum NamePlace: String, Sendable {
    case componentImport = "import"
    case componentExport = "export"
    /// An export of an instance made of exports (`instance` section, `0x01`).
    case instanceExport = "instance export"
    case componentTypeImport = "component type import"
    case componentTypeExport = "component type export"
    case instanceTypeExport = "instance type export"
    /// The export name in an `alias export` of a component instance.
    case aliasedExport = "aliased export"
    case functionParameter = "function parameter"
    case recordField = "record field"
    case variantCase = "variant case"
    case flag = "flag"
    case enumCase = "enum case"
}
