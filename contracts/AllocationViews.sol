// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {OperatorSet, Allocation, OperatorSetKey} from "./interfaces/Types.sol";
import {AllocationStorage} from "./AllocationStorage.sol";
import {AddrSet, KeySet, Sets} from "./lib/Sets.sol";
import {WadMath} from "./lib/WadMath.sol";

/// @notice Read side of the devnet AllocationManager (mainnet AllocationManagerView semantics).
abstract contract AllocationViews is AllocationStorage {
    using OperatorSetKey for OperatorSet;
    using Sets for AddrSet;
    using Sets for KeySet;
    using WadMath for uint256;

    function getAllocatedSets(address operator) public view returns (OperatorSet[] memory) {
        return _decodeKeys(_allocatedSets[operator].items);
    }

    function getRegisteredSets(address operator) public view returns (OperatorSet[] memory operatorSets) {
        return _decodeKeys(_registeredSets[operator].items);
    }

    function getAllocatedStrategies(address operator, OperatorSet memory operatorSet) external view returns (address[] memory) {
        return _allocatedStrategies[operator][operatorSet.key()].items;
    }

    function getAllocation(address operator, OperatorSet memory operatorSet, address strategy) external view returns (Allocation memory) {
        return _viewAllocation(operator, operatorSet.key(), strategy);
    }

    function getStrategyAllocations(address operator, address strategy) external view returns (OperatorSet[] memory, Allocation[] memory) {
        bytes32[] memory keys = _allocatedSets[operator].items;
        OperatorSet[] memory sets = new OperatorSet[](keys.length);
        Allocation[] memory allocs = new Allocation[](keys.length);
        for (uint256 i = 0; i < keys.length; ++i) {
            sets[i] = OperatorSetKey.decode(keys[i]);
            allocs[i] = _viewAllocation(operator, keys[i], strategy);
        }
        return (sets, allocs);
    }

    /// @dev Stored value: may still include deallocations that are completable but not yet cleared.
    function getEncumberedMagnitude(address operator, address strategy) external view returns (uint64) {
        return _encumbered[operator][strategy];
    }

    /// @dev Simulates clearing the deallocation queue, as mainnet does.
    function getAllocatableMagnitude(address operator, address strategy) external view returns (uint64) {
        uint64 enc = _encumbered[operator][strategy];
        bytes32[] storage q = _deallocQueue[operator][strategy];
        for (uint256 i = _deallocHead[operator][strategy]; i < q.length; ++i) {
            Allocation memory a = _alloc[operator][q[i]][strategy];
            if (a.pendingDiff >= 0) continue; // already folded by a write
            if (block.number < a.effectBlock) break;
            enc -= uint64(uint128(-a.pendingDiff));
        }
        return _maxMagnitude(operator, strategy) - enc;
    }

    function getMaxMagnitude(address operator, address strategy) external view returns (uint64) {
        return _maxMagnitude(operator, strategy);
    }

    function getMaxMagnitudes(address operator, address[] memory strategies) external view returns (uint64[] memory m) {
        m = new uint64[](strategies.length);
        for (uint256 i = 0; i < m.length; ++i) m[i] = _maxMagnitude(operator, strategies[i]);
    }

    function getMaxMagnitudes(address[] memory operators, address strategy) external view returns (uint64[] memory m) {
        m = new uint64[](operators.length);
        for (uint256 i = 0; i < m.length; ++i) m[i] = _maxMagnitude(operators[i], strategy);
    }

    function getMaxMagnitudesAtBlock(address operator, address[] memory strategies, uint32 blockNumber) external view returns (uint64[] memory m) {
        m = new uint64[](strategies.length);
        for (uint256 i = 0; i < m.length; ++i) m[i] = _maxMagnitudeAt(operator, strategies[i], blockNumber);
    }

    function getAllocationDelay(address operator) external view returns (bool isSet, uint32 delay) {
        return _currentDelay(operator);
    }

    function isMemberOfOperatorSet(address operator, OperatorSet memory operatorSet) external view returns (bool) {
        return _members[operatorSet.key()].contains(operator);
    }

    function isOperatorSet(OperatorSet memory operatorSet) public view returns (bool) {
        return _exists[operatorSet.key()];
    }

    function getOperatorSetCount(address avs) external view returns (uint256) {
        return _setIds[avs].length;
    }

    function getMembers(OperatorSet memory operatorSet) external view returns (address[] memory operators) {
        return _members[operatorSet.key()].items;
    }

    function getMemberCount(OperatorSet memory operatorSet) external view returns (uint256) {
        return _members[operatorSet.key()].items.length;
    }

    function getStrategiesInOperatorSet(OperatorSet memory operatorSet) external view returns (address[] memory strategies) {
        return _setStrategies[operatorSet.key()].items;
    }

    /// @dev operatorShares x (currentMagnitude / maxMagnitude), with mainnet's rounding (divWad then mulWad).
    function getAllocatedStake(OperatorSet memory operatorSet, address[] memory operators, address[] memory strategies)
        external
        view
        returns (uint256[][] memory slashableStake)
    {
        slashableStake = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            slashableStake[i] = _stakeRow(operatorSet.key(), operators[i], strategies, 0, false);
        }
    }

    /// @dev Like getAllocatedStake but deallocations effective by `futureBlock` are subtracted; 0 when the
    ///      operator is not slashable by the set.
    function getMinimumSlashableStake(OperatorSet memory operatorSet, address[] memory operators, address[] memory strategies, uint32 futureBlock)
        external
        view
        returns (uint256[][] memory slashableStake)
    {
        bytes32 key = operatorSet.key();
        slashableStake = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            if (!_isSlashable(operators[i], key)) slashableStake[i] = new uint256[](strategies.length);
            else slashableStake[i] = _stakeRow(key, operators[i], strategies, futureBlock, true);
        }
    }

    function _stakeRow(bytes32 key, address operator, address[] memory strategies, uint32 futureBlock, bool withDeallocs)
        internal
        view
        returns (uint256[] memory row)
    {
        uint256[] memory shares = delegation.getOperatorShares(operator, strategies);
        row = new uint256[](strategies.length);
        for (uint256 j = 0; j < strategies.length; ++j) {
            Allocation memory a = _viewAllocation(operator, key, strategies[j]);
            if (withDeallocs && a.pendingDiff < 0 && a.effectBlock <= futureBlock) a.currentMagnitude = _add(a.currentMagnitude, a.pendingDiff);
            uint64 maxMag = _maxMagnitude(operator, strategies[j]);
            if (maxMag == 0) continue;
            row[j] = shares[j].mulWad(uint256(a.currentMagnitude).divWad(maxMag));
        }
    }

    function isOperatorSlashable(address operator, OperatorSet memory operatorSet) external view returns (bool) {
        return _isSlashable(operator, operatorSet.key());
    }

    function getSlasher(OperatorSet memory operatorSet) public view returns (address) {
        SlasherInfo memory s = _slashers[operatorSet.key()];
        if (s.pendingSlasher != address(0) && block.number >= s.effectBlock) return s.pendingSlasher;
        return s.slasher;
    }

    function getPendingSlasher(OperatorSet memory operatorSet) external view returns (address pendingSlasher, uint32 effectBlock) {
        SlasherInfo memory s = _slashers[operatorSet.key()];
        if (s.pendingSlasher == address(0) || block.number >= s.effectBlock) return (address(0), 0);
        return (s.pendingSlasher, s.effectBlock);
    }

    function getRedistributionRecipient(OperatorSet memory operatorSet) external view returns (address) {
        return _recipient(operatorSet.key());
    }

    function isRedistributingOperatorSet(OperatorSet memory operatorSet) external view returns (bool) {
        return _recipient(operatorSet.key()) != DEFAULT_BURN_ADDRESS;
    }

    function getSlashCount(OperatorSet memory operatorSet) external view returns (uint256) {
        return _slashIds[operatorSet.key()];
    }

    /// @dev Registered or allocated (pending registrations / post-deregistration windows) to a redistributing set.
    function isOperatorRedistributable(address operator) external view returns (bool) {
        return _anyRedistributing(_registeredSets[operator].items) || _anyRedistributing(_allocatedSets[operator].items);
    }

    function getAVSRegistrar(address avs) public view returns (address) {
        address r = _registrar[avs];
        return r == address(0) ? avs : r;
    }

    function _anyRedistributing(bytes32[] memory keys) internal view returns (bool) {
        for (uint256 i = 0; i < keys.length; ++i) if (_recipient(keys[i]) != DEFAULT_BURN_ADDRESS) return true;
        return false;
    }

    function _decodeKeys(bytes32[] memory keys) internal pure returns (OperatorSet[] memory sets) {
        sets = new OperatorSet[](keys.length);
        for (uint256 i = 0; i < keys.length; ++i) sets[i] = OperatorSetKey.decode(keys[i]);
    }
}
