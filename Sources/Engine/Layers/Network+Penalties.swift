/// The kernel regularisers' share of the loss and of the gradients (Keras adds every layer's
/// regularisation loss to the compiled loss, in training, validation and `evaluate` alike).
extension Network {
    /// The sum of every kernel penalty at the current weights, in layer order; 0 without regularisers.
    var penalty: Float {
        var total: Float = 0
        for p in penalties { total += p.value }
        return total
    }

    /// Adds each penalty's gradient to its kernel's gradient (after `backward`, before the update).
    func addPenaltyGradients() {
        for p in penalties { p.addGradient() }
    }
}
