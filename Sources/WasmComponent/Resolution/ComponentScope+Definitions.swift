extension ComponentScope {
    func defineType(_ definition: TypeDefinition, _ backend: inout some InstantiationBackend, offset: Int) throws {
        if case .resource(_, let destructorIndex) = definition {
            let resource = ResourceType(name: "")
            let destructor = try destructorIndex.map { (index) throws(ComponentError) in
                try coreItem(.function, index, offset: offset)
            }
            try backend.defineResource(resource, destructor: destructor, offset: offset)
            typeScope.types.append(TypeEntry(.resource(resource)))
            return
        }
        typeScope.types.append(try typeScope.entry(for: definition, offset: offset))
    }

    func defineCanon(_ canon: CanonDefinition, _ backend: inout some InstantiationBackend, offset: Int) throws {
        switch canon {
        case .lift(let coreIndex, let options, let typeIndex):
            let core = try coreItem(.function, coreIndex, offset: offset)
            let type = try typeScope.functionType(typeIndex, offset: offset)
            try budget.chargeUse(of: type, offset: offset)
            let resolved = try resolveOptions(options, offset: offset)
            functions.append((type, try backend.lift(core, type: type, options: resolved, offset: offset)))
        case .lower(let functionIndex, let options):
            guard Int(functionIndex) < functions.count else {
                throw ComponentError(
                    "func index \(functionIndex) out of bounds (\(functions.count) defined)", offset: offset)
            }
            if options.contains(where: { if case .postReturn = $0 { return true } else { return false } }) {
                throw ComponentError("canon lower does not take a post-return option", offset: offset)
            }
            let function = functions[Int(functionIndex)]
            try budget.chargeUse(of: function.type, offset: offset)
            let resolved = try resolveOptions(options, offset: offset)
            coreFunctions.append(
                try backend.lower(function.function, type: function.type, options: resolved, offset: offset))
        case .resourceNew(let typeIndex):
            coreFunctions.append(
                try backend.resourceNew(try typeScope.resourceType(typeIndex, offset: offset), offset: offset))
        case .resourceDrop(let typeIndex):
            coreFunctions.append(
                try backend.resourceDrop(try typeScope.resourceType(typeIndex, offset: offset), offset: offset))
        case .resourceRep(let typeIndex):
            coreFunctions.append(
                try backend.resourceRep(try typeScope.resourceType(typeIndex, offset: offset), offset: offset))
        }
    }

    private func resolveOptions(_ options: [CanonOption], offset: Int) throws(ComponentError)
        -> ResolvedCanonOptions
    {
        var resolved = ResolvedCanonOptions()
        for option in options {
            switch option {
            case .utf8: resolved.stringEncoding = .utf8
            case .utf16: resolved.stringEncoding = .utf16
            case .latin1UTF16: resolved.stringEncoding = .latin1UTF16
            case .memory(let index): resolved.memory = try coreItem(.memory, index, offset: offset)
            case .realloc(let index): resolved.realloc = try coreItem(.function, index, offset: offset)
            case .postReturn(let index): resolved.postReturn = try coreItem(.function, index, offset: offset)
            }
        }
        return resolved
    }

    func defineImport(_ definition: ImportDefinition, _ backend: inout some InstantiationBackend, offset: Int) throws {
        let name = definition.name
        guard importNames.insert(name).inserted else {
            throw ComponentError("duplicate import name '\(name)'", offset: offset)
        }
        if let arguments {
            // A nested component: the import is satisfied by its instantiation argument.
            guard let supplied = arguments[name] else {
                throw ComponentError(
                    "nested component import '\(name)' was not supplied when instantiating it", offset: offset)
            }
            if case .type = definition.type {
                // A type import stands for the supplied type itself: its identity (resources)
                // and origin carry through, and the import name does not rename it.
                guard case .type = supplied else {
                    throw ComponentError(
                        "import '\(name)' expects a type but was given a \(supplied.kind)", offset: offset)
                }
                imports.append((name, supplied.externType))
            } else {
                let declared = try typeScope.externType(definition.type, name: name, offset: offset)
                guard declared.kind == supplied.kind else {
                    throw ComponentError(
                        "import '\(name)' expects a \(declared.kind) but was given a \(supplied.kind)", offset: offset)
                }
                imports.append((name, declared))
            }
            append(supplied, offset: offset)
            return
        }
        let declared = try typeScope.externType(definition.type, name: name, offset: offset)
        try budget.chargeUse(of: declared, offset: offset)
        imports.append((name, declared))
        switch declared {
        case .function(let type):
            functions.append((type, try backend.importedFunction(interface: nil, name: name, type: type)))
        case .instance(let type):
            instanceNames[instances.count] = name
            instances.append(try importedInstance(type, name: name, &backend))
        case .type:
            break  // already added to the type space by `externType`
        case .component, .coreModule:
            throw ComponentError("importing a \(declared.kind) ('\(name)') is not supported", offset: offset)
        }
    }

    private func importedInstance(_ type: InstanceType, name: String, _ backend: inout some InstantiationBackend) throws
        -> InstanceValue
    {
        var exports: [(name: String, item: ComponentItem)] = []
        for (exportName, exportType) in type.exports {
            switch exportType {
            case .function(let functionType):
                let function = try backend.importedFunction(interface: name, name: exportName, type: functionType)
                exports.append((exportName, .function(functionType, function)))
            case .instance(let nested):
                exports.append(
                    (exportName, .instance(try importedInstance(nested, name: "\(name)/\(exportName)", &backend))))
            case .type(let entry):
                exports.append((exportName, .type(entry)))
            case .component, .coreModule:
                throw ComponentError(
                    "instance '\(name)' exports a \(exportType.kind), which cannot be imported", offset: 0)
            }
        }
        return InstanceValue(exports: exports)
    }

    func defineExport(_ definition: ExportDefinition, offset: Int) throws {
        let name = definition.name
        guard exportNames.insert(name).inserted else {
            throw ComponentError("duplicate export name '\(name)'", offset: offset)
        }
        var exported = try item(definition.item, offset: offset)
        if let ascribed = definition.ascribedType {
            let declared = try typeScope.externType(ascribed, name: name, offset: offset)
            guard declared.kind == exported.kind else {
                throw ComponentError(
                    "export '\(name)' is declared as a \(declared.kind) but is a \(exported.kind)", offset: offset)
            }
            switch (declared, exported) {
            case (.type, .type):
                // The ascription added a type index naming the export; the export itself adds
                // another index for the same type, below.
                typeScope.types.removeLast()
            case (.function(let type), .function(_, let function)):
                // The ascribed type is what callers see (names, aliases); the shape is the same.
                exported = .function(type, function)
            default: break
            }
        }
        if case .type(let entry) = exported {
            exported = .type(try TypeEntry.named(entry, name, offset: offset))
        }
        if case .instance = exported, parent == nil { instanceNames[instances.count] = name }
        try budget.chargeUse(of: exported.externType, offset: offset)
        exports.append((name, exported))
        append(exported, offset: offset)
    }
}
