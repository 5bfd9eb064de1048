// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {
    OperatorSet, Allocation, OperatorSetKey, AllocateParams, RegisterParams, DeregisterParams,
    CreateSetParams, CreateSetParamsV2, SlashingParams
} from "./interfaces/Types.sol";
import {IAVSRegistrarLike} from "./interfaces/ICore.sol";
import {AllocationViews} from "./AllocationViews.sol";
import {AllocationStorage} from "./AllocationStorage.sol";
import {AddrSet, KeySet, Sets} from "./lib/Sets.sol";
import {WadMath} from "./lib/WadMath.sol";

/// @notice Devnet AllocationManager: operator sets, registration, magnitude allocation and slashing with
///         mainnet (v1.12.0) arithmetic. No proxy, no pausing, no PermissionController: the AVS/operator
///         must call for itself.
contract AllocationManager is AllocationViews {
    using OperatorSetKey for OperatorSet;
    using Sets for AddrSet;
    using Sets for KeySet;
    using WadMath for uint256;

    error InvalidCaller();
    error InvalidOperator();
    error InvalidOperatorSet();
    error InvalidAVSRegistrar();
    error InvalidStrategy();
    error InvalidRedistributionRecipient();
    error InvalidWadToSlash();
    error NonexistentAVSMetadata();
    error AlreadyMemberOfSet();
    error NotMemberOfSet();
    error InputArrayLengthMismatch();
    error UninitializedAllocationDelay();
    error ModificationAlreadyPending();
    error SameMagnitude();
    error InsufficientMagnitude();
    error OperatorNotSlashable();
    error StrategiesMustBeInAscendingOrder();
    error StrategyNotInOperatorSet();
    error StrategyAlreadyInOperatorSet();

    constructor(address delegation_, uint32 deallocationDelay, uint32 allocationConfigDelay, uint32 slasherConfigDelay)
        AllocationStorage(delegation_, deallocationDelay, allocationConfigDelay, slasherConfigDelay)
    {}

    // ---- AVS configuration ----

    function updateAVSMetadataURI(address avs, string calldata metadataURI) external {
        _onlyAccount(avs);
        _avsHasMetadata[avs] = true;
        emit AVSMetadataURIUpdated(avs, metadataURI);
    }

    function setAVSRegistrar(address avs, address registrar) external {
        _onlyAccount(avs);
        if (!IAVSRegistrarLike(registrar).supportsAVS(avs)) revert InvalidAVSRegistrar();
        _registrar[avs] = registrar;
        emit AVSRegistrarSet(avs, registrar);
    }

    /// @dev Legacy overload: the AVS itself is the slasher.
    function createOperatorSets(address avs, CreateSetParams[] calldata params) external {
        _onlyAccount(avs);
        for (uint256 i = 0; i < params.length; ++i) _createSet(avs, params[i].operatorSetId, params[i].strategies, avs, address(0), false);
    }

    function createOperatorSets(address avs, CreateSetParamsV2[] calldata params) external {
        _onlyAccount(avs);
        for (uint256 i = 0; i < params.length; ++i) _createSet(avs, params[i].operatorSetId, params[i].strategies, params[i].slasher, address(0), false);
    }

    function createRedistributingOperatorSets(address avs, CreateSetParams[] calldata params, address[] calldata redistributionRecipients)
        external
    {
        _onlyAccount(avs);
        if (params.length != redistributionRecipients.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < params.length; ++i) {
            _createSet(avs, params[i].operatorSetId, params[i].strategies, avs, redistributionRecipients[i], true);
        }
    }

    function createRedistributingOperatorSets(address avs, CreateSetParamsV2[] calldata params, address[] calldata redistributionRecipients)
        external
    {
        _onlyAccount(avs);
        if (params.length != redistributionRecipients.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < params.length; ++i) {
            _createSet(avs, params[i].operatorSetId, params[i].strategies, params[i].slasher, redistributionRecipients[i], true);
        }
    }

    function addStrategiesToOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external {
        _onlyAccount(avs);
        OperatorSet memory set = OperatorSet(avs, operatorSetId);
        if (!isOperatorSet(set)) revert InvalidOperatorSet();
        for (uint256 i = 0; i < strategies.length; ++i) _addStrategy(set, strategies[i]);
    }

    function removeStrategiesFromOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external {
        _onlyAccount(avs);
        OperatorSet memory set = OperatorSet(avs, operatorSetId);
        if (!isOperatorSet(set)) revert InvalidOperatorSet();
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (!_setStrategies[set.key()].remove(strategies[i])) revert StrategyNotInOperatorSet();
            emit StrategyRemovedFromOperatorSet(set, strategies[i]);
        }
    }

    /// @dev A new slasher takes effect after SLASHER_CONFIGURATION_DELAY + 1 blocks.
    function updateSlasher(OperatorSet memory operatorSet, address slasher) external {
        _onlyAccount(operatorSet.avs);
        if (!isOperatorSet(operatorSet)) revert InvalidOperatorSet();
        if (slasher == address(0)) revert InvalidCaller();
        bytes32 key = operatorSet.key();
        SlasherInfo storage s = _slashers[key];
        if (s.pendingSlasher != address(0) && block.number >= s.effectBlock) s.slasher = s.pendingSlasher;
        s.pendingSlasher = slasher;
        s.effectBlock = uint32(block.number) + SLASHER_CONFIGURATION_DELAY + 1;
        emit SlasherUpdated(operatorSet, slasher, s.effectBlock);
    }

    // ---- operator registration ----

    /// @dev Called by the operator, or by the DelegationManager during registerAsOperator (then immediate).
    function setAllocationDelay(address operator, uint32 delay) external {
        bool newlyRegistered = msg.sender == address(delegation);
        if (!newlyRegistered) {
            _onlyAccount(operator);
            if (!delegation.isOperator(operator)) revert InvalidOperator();
        }
        DelayInfo storage d = _delay[operator];
        if (d.effectBlock != 0 && block.number >= d.effectBlock) {
            d.delay = d.pendingDelay;
            d.isSet = true;
        }
        d.pendingDelay = delay;
        d.effectBlock = newlyRegistered ? uint32(block.number) : uint32(block.number) + ALLOCATION_CONFIGURATION_DELAY + 1;
        emit AllocationDelaySet(operator, delay, d.effectBlock);
    }

    function registerForOperatorSets(address operator, RegisterParams calldata params) external {
        _onlyAccount(operator);
        if (!delegation.isOperator(operator)) revert InvalidOperator();
        for (uint256 i = 0; i < params.operatorSetIds.length; ++i) {
            OperatorSet memory set = OperatorSet(params.avs, params.operatorSetIds[i]);
            bytes32 key = set.key();
            if (!_exists[key]) revert InvalidOperatorSet();
            if (!_members[key].add(operator)) revert AlreadyMemberOfSet();
            _reg[operator][key] = RegStatus(true, 0);
            _registeredSets[operator].add(key);
            emit OperatorAddedToOperatorSet(operator, set);
        }
        // Reverts for an EOA AVS without registrar (no code), as on mainnet.
        IAVSRegistrarLike(getAVSRegistrar(params.avs)).registerOperator(operator, params.avs, params.operatorSetIds, params.data);
    }

    /// @dev The operator stays slashable for DEALLOCATION_DELAY blocks after leaving.
    function deregisterFromOperatorSets(DeregisterParams calldata params) external {
        if (msg.sender != params.operator && msg.sender != params.avs) revert InvalidCaller();
        for (uint256 i = 0; i < params.operatorSetIds.length; ++i) {
            OperatorSet memory set = OperatorSet(params.avs, params.operatorSetIds[i]);
            bytes32 key = set.key();
            if (!_members[key].remove(params.operator)) revert NotMemberOfSet();
            _reg[params.operator][key] = RegStatus(false, uint32(block.number) + DEALLOCATION_DELAY);
            _registeredSets[params.operator].remove(key);
            emit OperatorRemovedFromOperatorSet(params.operator, set);
        }
        IAVSRegistrarLike(getAVSRegistrar(params.avs)).deregisterOperator(params.operator, params.avs, params.operatorSetIds);
    }

    // ---- allocations ----

    function modifyAllocations(address operator, AllocateParams[] calldata params) external {
        _onlyAccount(operator);
        (bool isSet, uint32 delay) = _currentDelay(operator);
        if (!isSet) revert UninitializedAllocationDelay();
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].strategies.length != params[i].newMagnitudes.length) revert InputArrayLengthMismatch();
            OperatorSet memory set = params[i].operatorSet;
            if (!isOperatorSet(set)) revert InvalidOperatorSet();
            bool slashable = _isSlashable(operator, set.key());
            for (uint256 j = 0; j < params[i].strategies.length; ++j) {
                _modifyOne(operator, set, params[i].strategies[j], params[i].newMagnitudes[j], slashable, delay);
            }
        }
    }

    function clearDeallocationQueue(address operator, address[] calldata strategies, uint16[] calldata numToClear) external {
        if (strategies.length != numToClear.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < strategies.length; ++i) _clearQueue(operator, strategies[i], numToClear[i]);
    }

    // ---- slashing ----

    /// @notice See protocols.md §6.1: slashedMagnitude = ceil(current x wadsToSlash); wadSlashed is
    ///         floor(slashedMagnitude / prevMaxMagnitude). Only getSlasher(set) may call.
    function slashOperator(address avs, SlashingParams calldata params) external returns (uint256 slashId, uint256[] memory shares) {
        OperatorSet memory set = OperatorSet(avs, params.operatorSetId);
        bytes32 key = set.key();
        if (!_exists[key]) revert InvalidOperatorSet();
        if (msg.sender != getSlasher(set)) revert InvalidCaller();
        if (params.strategies.length != params.wadsToSlash.length) revert InputArrayLengthMismatch();
        if (!_isSlashable(params.operator, key)) revert OperatorNotSlashable();
        slashId = ++_slashIds[key];
        shares = new uint256[](params.strategies.length);
        uint256[] memory wadSlashed = new uint256[](params.strategies.length);
        for (uint256 i = 0; i < params.strategies.length; ++i) {
            if (i > 0 && params.strategies[i] <= params.strategies[i - 1]) revert StrategiesMustBeInAscendingOrder();
            if (!_setStrategies[key].contains(params.strategies[i])) revert StrategyNotInOperatorSet();
            if (params.wadsToSlash[i] == 0 || params.wadsToSlash[i] > WAD) revert InvalidWadToSlash();
            (wadSlashed[i], shares[i]) = _slashOne(params.operator, set, slashId, params.strategies[i], params.wadsToSlash[i]);
        }
        emit OperatorSlashed(params.operator, set, params.strategies, wadSlashed, params.description);
    }

    function _slashOne(address operator, OperatorSet memory set, uint256 slashId, address strategy, uint256 wadToSlash)
        internal
        returns (uint256 wadSlashed, uint256 shares)
    {
        (uint64 prevMax, uint64 newMax) = _applySlash(operator, set, strategy, wadToSlash);
        if (prevMax == newMax) return (0, 0); // nothing allocated: skipped silently, still listed in OperatorSlashed
        wadSlashed = uint256(prevMax - newMax).divWad(prevMax);
        shares = delegation.slashOperatorShares(operator, set, slashId, strategy, prevMax, newMax);
    }

    /// @dev Magnitude bookkeeping of one slashed strategy; returns max magnitude before/after.
    function _applySlash(address operator, OperatorSet memory set, address strategy, uint256 wadToSlash)
        internal
        returns (uint64 prevMax, uint64 newMax)
    {
        _clearQueue(operator, strategy, type(uint16).max);
        Allocation memory a = _foldAndStore(operator, set.key(), strategy);
        prevMax = _maxMagnitude(operator, strategy);
        if (a.currentMagnitude == 0) return (prevMax, prevMax);
        uint64 slashed = uint64(uint256(a.currentMagnitude).mulWadUp(wadToSlash));
        newMax = prevMax - slashed;
        a.currentMagnitude -= slashed;
        _pushMaxMagnitude(operator, strategy, newMax);
        _setEncumbered(operator, strategy, _encumbered[operator][strategy] - slashed);
        if (a.pendingDiff < 0) {
            // A pending deallocation shrinks by the same fraction, so less magnitude is freed later.
            a.pendingDiff += int128(uint128(uint64(uint256(uint128(-a.pendingDiff)).mulWadUp(wadToSlash))));
            _store(operator, set, strategy, a);
            emit AllocationUpdated(operator, set, strategy, _add(a.currentMagnitude, a.pendingDiff), a.effectBlock);
        } else {
            _store(operator, set, strategy, a);
        }
        emit AllocationUpdated(operator, set, strategy, a.currentMagnitude, uint32(block.number));
    }

    // ---- internals ----

    function _onlyAccount(address account) internal view {
        if (msg.sender != account) revert InvalidCaller();
    }

    function _createSet(address avs, uint32 id, address[] calldata strategies, address slasher, address recipient, bool redistributing)
        internal
    {
        if (!_avsHasMetadata[avs]) revert NonexistentAVSMetadata();
        if (slasher == address(0)) revert InvalidCaller();
        OperatorSet memory set = OperatorSet(avs, id);
        bytes32 key = set.key();
        if (_exists[key]) revert InvalidOperatorSet();
        _exists[key] = true;
        _setIds[avs].push(id);
        emit OperatorSetCreated(set);
        _slashers[key].slasher = slasher;
        emit SlasherUpdated(set, slasher, uint32(block.number));
        if (redistributing) {
            if (recipient == address(0) || recipient == DEFAULT_BURN_ADDRESS) revert InvalidRedistributionRecipient();
            _recipients[key] = recipient;
            emit RedistributionAddressSet(set, recipient);
        }
        for (uint256 i = 0; i < strategies.length; ++i) _addStrategy(set, strategies[i]);
    }

    function _addStrategy(OperatorSet memory set, address strategy) internal {
        bytes32 key = set.key();
        // Beacon ETH cannot be redistributed (it is not an ERC-20 the recipient could receive).
        if (strategy == BEACONCHAIN_ETH_STRAT && _recipients[key] != address(0)) revert InvalidStrategy();
        if (!_setStrategies[key].add(strategy)) revert StrategyAlreadyInOperatorSet();
        emit StrategyAddedToOperatorSet(set, strategy);
    }

    function _modifyOne(address operator, OperatorSet memory set, address strategy, uint64 newMagnitude, bool slashable, uint32 delay)
        internal
    {
        _clearQueue(operator, strategy, type(uint16).max);
        bytes32 key = set.key();
        Allocation memory a = _foldAndStore(operator, key, strategy);
        if (a.pendingDiff != 0) revert ModificationAlreadyPending();
        if (newMagnitude == a.currentMagnitude) revert SameMagnitude();
        int128 diff = int128(uint128(newMagnitude)) - int128(uint128(a.currentMagnitude));
        uint64 enc = _encumbered[operator][strategy];
        if (diff > 0) {
            // Increase: magnitude is encumbered at once, slashable from block + allocation delay.
            enc += uint64(uint128(diff));
            if (enc > _maxMagnitude(operator, strategy)) revert InsufficientMagnitude();
            a.pendingDiff = diff;
            a.effectBlock = uint32(block.number) + delay;
        } else if (slashable) {
            // Decrease of slashable stake: stays slashable until block + DEALLOCATION_DELAY + 1.
            a.pendingDiff = diff;
            a.effectBlock = uint32(block.number) + DEALLOCATION_DELAY + 1;
            _deallocQueue[operator][strategy].push(key);
        } else {
            enc -= uint64(uint128(-diff));
            a.currentMagnitude = newMagnitude;
            a.effectBlock = uint32(block.number);
        }
        _setEncumbered(operator, strategy, enc);
        _store(operator, set, strategy, a);
        emit AllocationUpdated(operator, set, strategy, newMagnitude, a.effectBlock);
    }

    /// @dev Folds a due pending change into storage; a due deallocation also frees encumbered magnitude.
    function _foldAndStore(address operator, bytes32 key, address strategy) internal returns (Allocation memory a) {
        a = _alloc[operator][key][strategy];
        if (a.pendingDiff == 0 || block.number < a.effectBlock) return a;
        if (a.pendingDiff < 0) {
            _setEncumbered(operator, strategy, _encumbered[operator][strategy] - uint64(uint128(-a.pendingDiff)));
        }
        a.currentMagnitude = _add(a.currentMagnitude, a.pendingDiff);
        a.pendingDiff = 0;
        a.effectBlock = 0;
        _store(operator, OperatorSetKey.decode(key), strategy, a);
    }

    function _clearQueue(address operator, address strategy, uint256 max) internal {
        bytes32[] storage q = _deallocQueue[operator][strategy];
        uint256 head = _deallocHead[operator][strategy];
        uint256 cleared = 0;
        while (head < q.length && cleared < max) {
            Allocation memory a = _alloc[operator][q[head]][strategy];
            if (a.pendingDiff < 0 && block.number < a.effectBlock) break;
            _foldAndStore(operator, q[head], strategy);
            head++;
            cleared++;
        }
        _deallocHead[operator][strategy] = head;
    }

    function _store(address operator, OperatorSet memory set, address strategy, Allocation memory a) internal {
        bytes32 key = set.key();
        _alloc[operator][key][strategy] = a;
        if (a.currentMagnitude != 0 || a.pendingDiff != 0) {
            _allocatedStrategies[operator][key].add(strategy);
            _allocatedSets[operator].add(key);
        } else {
            _allocatedStrategies[operator][key].remove(strategy);
            if (_allocatedStrategies[operator][key].items.length == 0) _allocatedSets[operator].remove(key);
        }
    }

    function _setEncumbered(address operator, address strategy, uint64 value) internal {
        _encumbered[operator][strategy] = value;
        emit EncumberedMagnitudeUpdated(operator, strategy, value);
    }

    function _pushMaxMagnitude(address operator, address strategy, uint64 value) internal {
        MagSnap[] storage h = _maxMagHistory[operator][strategy];
        if (h.length > 0 && h[h.length - 1].blockNumber == block.number) h[h.length - 1].value = value;
        else h.push(MagSnap(uint32(block.number), value));
        emit MaxMagnitudeUpdated(operator, strategy, value);
    }
}
