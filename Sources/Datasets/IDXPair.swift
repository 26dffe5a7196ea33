/// Builds an `ImageSet` from an IDX images array and an IDX labels array.
enum IDXPair {
    /// Images of rank 3 (`n, h, w`, one channel) or 4 (`n, h, w, c`) and labels of rank 1 (`n`).
    static func imageSet(images: IDXFile, imagesName: String, labels: IDXFile, labelsName: String) throws -> ImageSet {
        let d = images.dimensions
        guard d.count == 3 || d.count == 4 else {
            throw DatasetError(
                "\(imagesName) has IDX dimensions \(d); images need 3 (count, height, width) or 4 (count, height, width, channels)"
            )
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError("\(labelsName) has IDX dimensions \(labels.dimensions); labels need exactly one (count)")
        }
        guard labels.dimensions[0] == d[0] else {
            throw DatasetError("\(labelsName) has \(labels.dimensions[0]) labels but \(imagesName) has \(d[0]) images")
        }
        let channels = d.count == 4 ? d[3] : 1
        guard d[1] > 0, d[2] > 0, channels > 0 else {
            throw DatasetError("\(imagesName) has empty images: IDX dimensions \(d)")
        }
        return ImageSet(
            count: d[0], height: d[1], width: d[2], channels: channels,
            pixels: images.values, labels: labels.values)
    }
}
