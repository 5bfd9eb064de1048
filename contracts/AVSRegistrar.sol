// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Trivial AVSRegistrar: an EOA AVS has no code to receive AllocationManager's registration
///         callback, so it points setAVSRegistrar at this contract, which accepts every operator.
contract AVSRegistrar {
    address public immutable avs;

    event OperatorRegistered(address operator, address avs, uint32[] operatorSetIds);
    event OperatorDeregistered(address operator, address avs, uint32[] operatorSetIds);

    constructor(address avs_) {
        avs = avs_;
    }

    function registerOperator(address operator, address avs_, uint32[] calldata operatorSetIds, bytes calldata) external {
        emit OperatorRegistered(operator, avs_, operatorSetIds);
    }

    function deregisterOperator(address operator, address avs_, uint32[] calldata operatorSetIds) external {
        emit OperatorDeregistered(operator, avs_, operatorSetIds);
    }

    function supportsAVS(address avs_) external view returns (bool) {
        return avs_ == avs;
    }
}
